import type { SiteBuilding } from '@linli/contracts';
import { Tooltip } from 'antd';
import type { DragEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { type Layer, inkOn, layerColor, tileValue, tint } from './map-model';
import type { useMapLabels } from './map-labels';
import { type Cell, type Positions, buildingLabels, siteBlocks } from './site-arrange';
import type { TagLook } from './use-tag-style';

type Props = {
  buildings: readonly SiteBuilding[];
  positions: Positions;
  /** the heading of buildings outside any compound: the site's own name */
  siteName: string;
  layer: Layer;
  tag: string | null;
  tags: TagLook;
  labels: ReturnType<typeof useMapLabels>;
  arranging: boolean;
  onMove: (id: string, to: Cell) => void;
  onOpen: (b: SiteBuilding) => void;
};

const DRAG_TYPE = 'application/x-linli-building';

/**
 * The site: one block per compound under its name, the blocks wrapping onto new rows where the page is narrow; in a
 * block, one tile per building on its grid cell, shaded by the layer; while arranging, tiles drag between a block's cells.
 */
export function SiteGrid({ buildings, positions, siteName, layer, tag, tags, labels, arranging, onMove, onOpen }: Props) {
  const blocks = siteBlocks(buildings, positions, arranging ? 1 : 0);
  const names = buildingLabels(buildings);
  const byId = new Map(buildings.map((b) => [b.id, b]));
  const max = Math.max(0, ...buildings.map((b) => tileValue(b, layer, tag)));
  const color = layerColor(layer, tag ? tags.colorOf(tag) : null);
  const tileFor = (b: SiteBuilding) => (
    <Tile
      b={b}
      label={names.get(b.id) ?? b.name}
      background={tint(color, max > 0 ? 0.08 + (0.72 * tileValue(b, layer, tag)) / max : 0.04)}
      layer={layer}
      tag={tag}
      tags={tags}
      labels={labels}
      arranging={arranging}
      onOpen={onOpen}
    />
  );
  // On A4 landscape two compounds stand side by side; about 6.4 rows of tiles leave room for the legend and counts.
  const printZoom = Math.min(1, Math.max(0.55, 6.4 / Math.max(1, ...blocks.map((b) => b.bounds.rows))));
  return (
    <div className="site-wrap" style={{ ['--site-print-zoom' as string]: printZoom }} data-testid="site-map">
      {blocks.map((block) => {
        const members = new Set(block.ids);
        const handleDrop = (to: Cell) => (e: DragEvent) => {
          e.preventDefault();
          const id = e.dataTransfer.getData(DRAG_TYPE);
          if (members.has(id)) onMove(id, to);
        };
        const at = new Map(block.ids.map((id) => [`${positions.get(id)?.x},${positions.get(id)?.y}`, byId.get(id)]));
        const { minX, minY, cols, rows } = block.bounds;
        const cells = Array.from({ length: rows * cols }, (_, i) => ({ x: minX + (i % cols), y: minY + Math.floor(i / cols) }));
        return (
          <section
            key={block.key}
            className="site-block"
            style={{ ['--site-cols' as string]: cols }}
            data-testid={`site-block-${block.key || 'site'}`}
          >
            <h3 className="site-block-title" data-testid="site-block-title">
              {block.name ?? siteName}
            </h3>
            <div className={`site-map${arranging ? ' arranging' : ''}`}>
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
                    {b && tileFor(b)}
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}

type TileProps = Pick<Props, 'layer' | 'tag' | 'tags' | 'labels' | 'arranging' | 'onOpen'> & {
  b: SiteBuilding;
  label: string;
  background: string;
};

function Tile({ b, label, background, layer, tag, tags, labels, arranging, onOpen }: TileProps) {
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
        style={{ background, color: inkOn(background) }}
        data-testid={`building-tile-${b.code}`}
        draggable={arranging}
        onDragStart={arranging ? handleDragStart : undefined}
        onClick={arranging ? undefined : () => onOpen(b)}
        onKeyDown={(e) => !arranging && e.key === 'Enter' && onOpen(b)}
        role={arranging ? undefined : 'link'}
        tabIndex={arranging ? undefined : 0}
      >
        <div className="tile-name" data-testid="building-label">
          {label}
        </div>
        <div className="tile-counts">
          <span>{t('map.households', { n: counts.households })}</span> · <span>{t('map.members', { n: counts.residents })}</span>
        </div>
        <div className="tile-metric">{metric}</div>
        {arranging && !b.positioned && <div className="tile-note">{t('map.autoPlaced')}</div>}
      </div>
    </Tooltip>
  );
}
