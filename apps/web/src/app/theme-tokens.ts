import type { ThemeConfig } from 'antd';

/**
 * Colours that read at 4.5:1 or better (WCAG AA) where antd's defaults do not: grey hints and descriptions
 * (antd's 45 % black is 3.4:1 on white), coloured tags (their text is palette step 7 on step 1: orange, gold,
 * green and cyan are 2.8–3.4:1), status colours used as text (danger buttons, errors), and white counts on a red badge.
 */
const TAG_TEXT = {
  volcano: '#ad2102',
  orange: '#ad4e00',
  gold: '#874d00',
  yellow: '#876800',
  lime: '#3f6600',
  green: '#237804',
  cyan: '#006d75',
} as const;

// antd keeps each palette step under two names (green7 and the legacy green-7) that share one CSS variable: set both
const tagText = Object.fromEntries(
  Object.entries(TAG_TEXT).flatMap(([c, hex]) => [
    [`${c}7`, hex],
    [`${c}-7`, hex],
  ]),
);

export const READABLE_TOKENS: NonNullable<ThemeConfig['token']> = {
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  // the filters name themselves by their placeholders (选择服务类别 …): they must be readable
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
  colorError: '#cf1322',
  ...tagText,
};

/** Status colours where they are text or carry white text: tags (已解决 …), badges, links in alerts. */
export const READABLE_COMPONENTS: NonNullable<ThemeConfig['components']> = {
  Tag: { colorSuccess: '#237804', colorWarning: '#ad4e00', colorError: '#cf1322', colorInfo: '#0958d9' },
  Badge: { colorError: '#cf1322' },
};
