import { ResidentType } from '@linli/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n';
import { residentTypeLabel } from '../registry/registry-labels';
import type { Badge, Layer } from './map-model';
import type { TagLook } from './use-tag-style';

const isType = (key: string): key is ResidentType => (ResidentType.options as readonly string[]).includes(key);

/** Labels for legend entries and cell badges of every layer, in the UI language. */
export function useMapLabels(tags: TagLook) {
  const { t } = useI18n();
  return useMemo(() => {
    const entry = (layer: Layer, key: string): string => {
      if (layer === 'tags' && key !== 'vacant') return tags.label(key);
      if (layer === 'type' && isType(key)) return residentTypeLabel(t, key);
      if (key === 'party') return t('map.party');
      if (key === 'volunteer') return t('map.volunteer');
      if (key === 'rented') return t('map.rented');
      if (key === 'owner') return t('map.owner');
      return t('map.vacant');
    };
    // The first letter, capitalised: Latin words get a capital, Chinese characters stay as they are.
    const initial = (text: string) => ([...text][0] ?? '').toUpperCase();
    const badge = (layer: Layer, b: Badge): { short: string; title: string } => {
      const title = entry(layer, b.key);
      if (b.key === 'party') return { short: `${t('map.partyShort')}${b.text ?? ''}`, title };
      if (b.key === 'volunteer') return { short: `${t('map.volunteerShort')}${b.text ?? ''}`, title };
      return { short: initial(title), title };
    };
    return { entry, badge };
  }, [t, tags]);
}
