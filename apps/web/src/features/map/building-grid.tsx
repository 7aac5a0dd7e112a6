import type { MapFlatCell } from '@linli/contracts';
import { Tooltip } from 'antd';
import { Fragment, useMemo, type KeyboardEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { flatGrid, floorLabel } from '../areas/layout-model';
import { type Badge, type FlatFilter, type Layer, matchesFilters, paintCell } from './map-model';
import { useMapLabels } from './map-labels';
import { FlatSummary } from './flat-summary';
import type { TagLook } from './use-tag-style';

type Props = {
  cells: readonly MapFlatCell[];
  layer: Layer;
  tags: TagLook;
  filters: readonly FlatFilter[];
  onOpen: ((cell: MapFlatCell) => void) | null;
};

/** The floor grid: top floor first, one column group per unit, one cell per flat painted by the layer. */
export function BuildingGrid({ cells, layer, tags, filters, onOpen }: Props) {
  const { t } = useI18n();
  const labels = useMapLabels(tags);
  const grid = useMemo(() => flatGrid(cells), [cells]);
  return (
    <div className="map-grid-wrap">
      <table className={`map-grid layer-${layer}`} data-testid="map-grid">
        <colgroup>
          <col className="col-floor" />
          {grid.units.map((u, i) => (
            <Fragment key={u.unitNo}>
              {i > 0 && <col className="col-gap" />}
              {Array.from({ length: Math.max(1, u.width) }, (_, k) => (
                <col key={k} />
              ))}
            </Fragment>
          ))}
        </colgroup>
        <thead>
          <tr>
            <th />
            {grid.units.map((u, i) => (
              <Fragment key={u.unitNo}>
                {i > 0 && <th className="unit-gap" />}
                <th colSpan={Math.max(1, u.width)}>{t('map.unit', { n: u.unitNo })}</th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.floors.map((floorNo) => (
            <tr key={floorNo}>
              <th scope="row">{t('map.floor', { n: floorLabel(floorNo) })}</th>
              {grid.units.map((u, i) => {
                const here = grid.at(u.unitNo, floorNo);
                const blanks = Math.max(1, u.width) - here.length;
                return (
                  <Fragment key={u.unitNo}>
                    {i > 0 && <td className="unit-gap" />}
                    {here.map((c) => (
                      <FlatCell
                        key={c.flatId}
                        cell={c}
                        layer={layer}
                        tags={tags}
                        labels={labels}
                        dim={!matchesFilters(c, filters)}
                        onOpen={onOpen}
                      />
                    ))}
                    {blanks > 0 && <td colSpan={blanks} />}
                  </Fragment>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type CellProps = {
  cell: MapFlatCell;
  layer: Layer;
  tags: TagLook;
  labels: ReturnType<typeof useMapLabels>;
  dim: boolean;
  onOpen: Props['onOpen'];
};

function FlatCell({ cell, layer, tags, labels, dim, onOpen }: CellProps) {
  const { t } = useI18n();
  const paint = paintCell(cell, layer, tags);
  const vacant = cell.householdId === null;
  const open = !vacant && onOpen ? () => onOpen(cell) : undefined;
  const handleKey = (e: KeyboardEvent) => {
    if (open && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      open();
    }
  };
  return (
    <Tooltip title={<FlatSummary cell={cell} tags={tags} />} mouseEnterDelay={0.3}>
      <td
        className={['flat', vacant ? 'vacant' : '', dim ? 'dim' : '', open ? 'clickable' : ''].join(' ')}
        style={{ backgroundColor: paint.background, borderColor: paint.accent }}
        data-testid={`map-cell-${cell.unitNo}-${cell.flatNo}`}
        data-household={cell.householdId ?? ''}
        tabIndex={open ? 0 : undefined}
        role={open ? 'button' : undefined}
        onClick={open}
        onKeyDown={handleKey}
      >
        <div className="flat-no">{cell.flatNo}</div>
        <div className="flat-who">{vacant ? t('map.vacant') : `${cell.headName ?? ''} ${t('map.members', { n: cell.memberCount })}`}</div>
        {paint.badges.length > 0 && (
          <div className="flat-badges">
            {paint.badges.map((b: Badge) => {
              const text = labels.badge(layer, b);
              return (
                <span key={b.key} className="flat-badge" style={{ background: b.color }} title={text.title}>
                  {text.short}
                </span>
              );
            })}
          </div>
        )}
      </td>
    </Tooltip>
  );
}
