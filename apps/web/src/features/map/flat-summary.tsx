import { type MapFlatCell, ResidentType } from '@linli/contracts';
import { useI18n } from '../../app/i18n';
import { residentTypeLabel, tenureLabel } from '../registry/registry-labels';
import type { TagLook } from './use-tag-style';

/** What a flat's tooltip says: the household summary of the map DTO (names masked). */
export function FlatSummary({ cell, tags }: { cell: MapFlatCell; tags: TagLook }) {
  const { t } = useI18n();
  const title = t('map.flatAt', { unit: cell.unitNo, flat: cell.flatNo });
  if (!cell.householdId)
    return (
      <div>
        <strong>{title}</strong> · {t('map.vacant')}
      </div>
    );
  const types = ResidentType.options.filter((k) => cell.types[k] > 0).map((k) => `${residentTypeLabel(t, k)} ${cell.types[k]}`);
  const lines: [string, string][] = [
    [t('map.tooltip.head'), cell.headName ?? '—'],
    [t('map.tooltip.members'), String(cell.memberCount)],
    [t('map.tooltip.types'), types.join('、') || '—'],
    [t('map.tooltip.tags'), cell.tags.map(tags.label).join('、') || t('map.noTags')],
    [t('map.party'), String(cell.partyMembers)],
    [t('map.volunteer'), String(cell.volunteers)],
    [t('map.elderly'), String(cell.elderly)],
  ];
  return (
    <div className="flat-summary">
      <strong>
        {title} · {cell.tenure ? tenureLabel(t, cell.tenure) : ''}
      </strong>
      <dl>
        {lines.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
