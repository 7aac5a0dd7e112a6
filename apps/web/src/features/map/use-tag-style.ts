import { useMemo } from 'react';
import { useI18n } from '../../app/i18n';
import { useCareTags } from '../registry/care-tag-api';
import { describeTag } from '../registry/care-tag-model';
import type { TagStyle } from './map-model';

export type TagLook = TagStyle & { label: (code: string) => string };

const UNKNOWN = '#8c8c8c';

/** The community's care tags as the map paints them: their order, colours and labels in the UI language. */
export function useTagStyle(communityId: string | null | undefined): TagLook {
  const { locale } = useI18n();
  const { tags } = useCareTags(communityId ?? undefined);
  return useMemo(
    () => ({
      order: tags.map((t) => t.code),
      colorOf: (code: string) => tags.find((t) => t.code === code)?.color ?? UNKNOWN,
      label: (code: string) => describeTag(tags, code, locale).label,
    }),
    [tags, locale],
  );
}
