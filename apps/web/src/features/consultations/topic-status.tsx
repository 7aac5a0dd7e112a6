import type { VoteTopicDto } from '@linli/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';

/** Voting / closed / published, as a coloured tag. */
export function TopicStatus({ topic }: { topic: VoteTopicDto }) {
  const { t } = useI18n();
  if (topic.publishedAt) return <Tag color="green">{t('consult.status.published')}</Tag>;
  return topic.status === 'open' ? <Tag color="blue">{t('consult.status.open')}</Tag> : <Tag>{t('consult.status.closed')}</Tag>;
}

/** A closing time in local form, minutes precision. */
export const shortTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false }).slice(0, -3);
