import { Flex, Select, Tag } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../../app/i18n';
import { useCareTags } from './care-tag-api';
import { careTagLabel, describeTag, tagsFor } from './care-tag-model';

/** A row of coloured care tags for the given codes. */
/** A community's own tag colour (#rrggbb) tints the tag's background: the text stays dark, whatever the colour. */
const inkStyle = (color: string) => (/^#[0-9a-f]{6}$/i.test(color) ? { color: 'rgba(0, 0, 0, 0.88)' } : {});

export function CareTagList({ codes, communityId }: { codes: readonly string[]; communityId?: string }) {
  const { locale } = useI18n();
  const { tags } = useCareTags(communityId);
  if (codes.length === 0) return null;
  return (
    <Flex wrap gap={4}>
      {codes.map((code) => {
        const { label, color } = describeTag(tags, code, locale);
        return (
          <Tag key={code} color={color} style={{ marginInlineEnd: 0, ...inkStyle(color) }}>
            {label}
          </Tag>
        );
      })}
    </Flex>
  );
}

type SelectProps = {
  value?: string[];
  onChange?: (codes: string[]) => void;
  target?: 'person' | 'household';
  communityId?: string;
  placeholder?: string;
  testId?: string;
  style?: CSSProperties;
};

/** Picks care tags; selected ones show in their colour. */
export function CareTagSelect({ value, onChange, target, communityId, placeholder, testId, style }: SelectProps) {
  const { locale } = useI18n();
  const { tags } = useCareTags(communityId);
  const offered = target ? tagsFor(tags, target) : tags.filter((t) => t.active);
  return (
    <Select
      mode="multiple"
      allowClear
      value={value}
      onChange={(v: string[]) => onChange?.(v)}
      placeholder={placeholder}
      aria-label={placeholder}
      options={offered.map((t) => ({ value: t.code, label: careTagLabel(t, locale) }))}
      showSearch={{ optionFilterProp: 'label' }}
      tagRender={({ value: code, closable, onClose }) => {
        const { label, color } = describeTag(tags, String(code), locale);
        return (
          <Tag color={color} closable={closable} onClose={onClose} style={{ marginInlineEnd: 4, ...inkStyle(color) }}>
            {label}
          </Tag>
        );
      }}
      data-testid={testId}
      style={{ minWidth: 200, ...style }}
    />
  );
}
