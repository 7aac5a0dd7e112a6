import type { MapFlatCell } from '@linli/contracts';
import { Tooltip } from 'antd';
import type { KeyboardEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { UnitFloorTable } from '../areas/unit-floor-table';
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
  return (
    <div className="map-grid-wrap">
      <UnitFloorTable
        flats={cells}
        className={`map-grid layer-${layer}`}
        testId="map-grid"
        withColumns
        unitTitle={(n) => t('map.unit', { n })}
        floorTitle={(n) => t('map.floor', { n })}
        flatKey={(c) => c.flatId}
        renderFlat={(c) => (
          <FlatCell cell={c} layer={layer} tags={tags} labels={labels} dim={!matchesFilters(c, filters)} onOpen={onOpen} />
        )}
      />
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
