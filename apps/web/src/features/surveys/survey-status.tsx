import type { SurveyDto } from '@linli/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';

const COLOR = { upcoming: 'default', open: 'blue', closed: 'green' } as const;

/** Not open yet / open / closed, as a coloured tag. */
export function SurveyStatusTag({ survey }: { survey: Pick<SurveyDto, 'status'> }) {
  const { t } = useI18n();
  return <Tag color={COLOR[survey.status]}>{t(`survey.status.${survey.status}`)}</Tag>;
}

/** A score out of 100 with one decimal, a rate as a percentage, or a dash. */
export const score = (v: number | null) => (v === null ? '—' : v.toFixed(1));
export const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
