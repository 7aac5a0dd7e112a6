import {
  RESPONSIBLE_ROLE_COLORS,
  RESPONSIBLE_ROLE_LABELS,
  ResponsibleRole,
  type MapCounts,
  type ResponsiblePerson,
} from '@linli/contracts';
import { Empty, Flex, Segmented, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { LAYERS, type Layer, type LegendEntry } from './map-model';
import type { useMapLabels } from './map-labels';

type Labels = ReturnType<typeof useMapLabels>;

/** Swatches of the layer with how many flats (or buildings) each covers. */
export function MapLegend({ layer, entries, labels }: { layer: Layer; entries: readonly LegendEntry[]; labels: Labels }) {
  const { t } = useI18n();
  return (
    <Flex wrap gap="4px 16px" align="center" className="map-legend" data-testid="legend">
      <Typography.Text type="secondary">{t('map.legend')}</Typography.Text>
      {entries.length === 0 && <Typography.Text type="secondary">{t('map.noTags')}</Typography.Text>}
      {entries.map((e) => (
        <span key={e.key} className="legend-entry" data-testid={`legend-${e.key}`}>
          <span className="map-swatch" style={{ background: e.color }} />
          {labels.entry(layer, e.key)} <Typography.Text type="secondary">{e.count}</Typography.Text>
        </span>
      ))}
    </Flex>
  );
}

const COUNT_KEYS: (keyof MapCounts)[] = [
  'flats',
  'households',
  'residents',
  'vacant',
  'rented',
  'floating',
  'partyMembers',
  'volunteers',
  'elderly',
];

export function MapCountsRow({ counts }: { counts: MapCounts }) {
  const { t } = useI18n();
  return (
    <div className="map-counts" data-testid="map-counts">
      {COUNT_KEYS.map((k) => (
        <div key={k} className="map-count" data-testid={`count-${k}`}>
          <div className="map-count-value">{counts[k]}</div>
          <div className="map-count-label">{t(`map.count.${k}`)}</div>
        </div>
      ))}
    </div>
  );
}

/** 楼长, 网格员, 红色驿站党员: who answers for the building. */
export function ResponsibleList({ people }: { people: readonly ResponsiblePerson[] }) {
  const { t, locale } = useI18n();
  if (people.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.noResponsible')} />;
  return (
    <dl className="map-responsible" data-testid="responsible">
      {ResponsibleRole.options.map((role) => {
        const here = people.filter((p) => p.role === role);
        return (
          <div key={role} data-testid={`responsible-${role}`}>
            <dt>
              <Tag color={RESPONSIBLE_ROLE_COLORS[role]}>{RESPONSIBLE_ROLE_LABELS[role][locale]}</Tag>
            </dt>
            <dd>
              {here.length === 0
                ? t('map.noResponsible')
                : here.map((p) => (
                    <span key={`${p.source}-${p.userId ?? p.residentId}`} className="responsible-person">
                      {p.name}
                      {p.unitNo !== null && p.flatNo !== null && (
                        <Typography.Text type="secondary"> ({t('map.flatAt', { unit: p.unitNo, flat: p.flatNo })})</Typography.Text>
                      )}
                    </span>
                  ))}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** The four layers as a segmented switch. */
export function LayerSwitch({ value, onChange }: { value: Layer; onChange: (layer: Layer) => void }) {
  const { t } = useI18n();
  return (
    <Segmented<Layer>
      value={value}
      onChange={onChange}
      data-testid="layer-switch"
      options={LAYERS.map((l) => ({ value: l, label: <span data-testid={`layer-${l}`}>{t(`map.layer.${l}`)}</span> }))}
    />
  );
}
