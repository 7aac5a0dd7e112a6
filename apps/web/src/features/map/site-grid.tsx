import type { SiteBuilding } from '@linli/contracts';
import { Tooltip } from 'antd';
import type { DragEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { type Layer, layerColor, tileValue, tint } from './map-model';
import type { useMapLabels } from './map-labels';
import { type Cell, type Positions, siteBounds } from './site-arrange';
import type { TagLook } from './use-tag-style';

type Props = {
  buildings: readonly SiteBuilding[];
  positions: Positions;
  layer: Layer;
  tag: string | null;
  tags: TagLook;
  labels: ReturnType<typeof useMapLabels>;
  arranging: boolean;
  onMove: (id: string, to: Cell) => void;
  onOpen: (b: SiteBuilding) => void;
};

const DRAG_TYPE = 'application/x-linli-building';

/** The site: one tile per building on its grid cell, shaded by the layer; while arranging, tiles drag between cells. */
export function SiteGrid({ buildings, positions, layer, tag, tags, labels, arranging, onMove, onOpen }: Props) {
  const bounds = siteBounds(positions, arranging ? 1 : 0);
  const at = new Map(buildings.map((b) => [`${positions.get(b.id)?.x},${positions.get(b.id)?.y}`, b]));
  const values = buildings.map((b) => tileValue(b, layer, tag));
  const max = Math.max(0, ...values);
  const color = layerColor(layer, tag ? tags.colorOf(tag) : null);
  const handleDrop = (to: Cell) => (e: DragEvent) => {
    e.preventDefault();
    const id = e.dataTransfer.getData(DRAG_TYPE);
    if (id) onMove(id, to);
  };
  const cells = Array.from({ length: bounds.rows * bounds.cols }, (_, i) => ({
    x: bounds.minX + (i % bounds.cols),
    y: bounds.minY + Math.floor(i / bounds.cols),
  }));
  return (
    <div className="site-wrap">
      <div
        className={`site-map${arranging ? ' arranging' : ''}`}
        style={{ gridTemplateColumns: `repeat(${bounds.cols}, minmax(92px, 1fr))`, ['--site-cols' as string]: bounds.cols }}
        data-testid="site-map"
      >
        {cells.map((c) => {
          const b = at.get(`${c.x},${c.y}`);
          return (
            <div
              key={`${c.x},${c.y}`}
              className="site-cell"
              data-testid={`site-cell-${c.x}-${c.y}`}
              onDragOver={arranging ? (e) => e.preventDefault() : undefined}
              onDrop={arranging ? handleDrop(c) : undefined}
            >
              {b && (
                <Tile
                  b={b}
                  background={tint(color, max > 0 ? 0.08 + (0.72 * tileValue(b, layer, tag)) / max : 0.04)}
                  layer={layer}
                  tag={tag}
                  tags={tags}
                  labels={labels}
                  arranging={arranging}
                  onOpen={onOpen}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

type TileProps = Pick<Props, 'layer' | 'tag' | 'tags' | 'labels' | 'arranging' | 'onOpen'> & { b: SiteBuilding; background: string };

function Tile({ b, background, layer, tag, tags, labels, arranging, onOpen }: TileProps) {
  const { t } = useI18n();
  const { counts } = b;
  const topTags = tag
    ? [[tag, b.tagCounts[tag] ?? 0] as const]
    : Object.entries(b.tagCounts)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 3);
  const metric = {
    tags: topTags.map(([code, n]) => (
      <span key={code} className="tile-tag">
        <span className="map-swatch" style={{ background: tags.colorOf(code) }} />
        {n}
      </span>
    )),
    type: `${labels.entry('type', 'floating')} ${counts.floating}`,
    party: `${t('map.partyShort')} ${counts.partyMembers} · ${t('map.volunteerShort')} ${counts.volunteers}`,
    occupancy: `${t('map.vacant')} ${counts.vacant} · ${t('map.rented')} ${counts.rented}`,
  }[layer];
  const handleDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_TYPE, b.id);
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <Tooltip title={`${b.compoundName ?? ''} ${b.name} · ${b.gridName ?? ''}`} mouseEnterDelay={0.4}>
      <div
        className={`building-tile${b.positioned ? '' : ' unplaced'}`}
        style={{ background }}
        data-testid={`building-tile-${b.code}`}
        draggable={arranging}
        onDragStart={arranging ? handleDragStart : undefined}
        onClick={arranging ? undefined : () => onOpen(b)}
        onKeyDown={(e) => !arranging && e.key === 'Enter' && onOpen(b)}
        role={arranging ? undefined : 'link'}
        tabIndex={arranging ? undefined : 0}
      >
        <div className="tile-name">{b.name}</div>
        <div className="tile-counts">
          <span>{t('map.households', { n: counts.households })}</span> · <span>{t('map.members', { n: counts.residents })}</span>
        </div>
        <div className="tile-metric">{metric}</div>
        {arranging && !b.positioned && <div className="tile-note">{t('map.autoPlaced')}</div>}
      </div>
    </Tooltip>
  );
}
