import type { OverdueItem } from '@linli/contracts';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { CareTagList } from '../registry/care-tags';
import { DUE_COLORS, dueLabel } from './today-model';

type Props = { item: OverdueItem; today: string; onRecord: () => void; onPhone: () => void };

/** One household to visit: how it is due, where, who, why (its care tags), and the two things done from the street. */
export function VisitDueCard({ item, today, onRecord, onPhone }: Props) {
  const { t } = useI18n();
  const due = dueLabel(item, today);
  const dueText =
    due.kind === 'never'
      ? t('today.due.never')
      : due.kind === 'overdue'
        ? t('today.due.overdue', { n: due.days })
        : due.kind === 'today'
          ? t('today.due.today')
          : t('today.due.soon', { n: due.days });
  const h = item.household;
  const tags = item.reasonTags.length > 0 ? item.reasonTags : h.tags;
  return (
    <Card size="small" data-testid="visit-due" data-due={due.kind} data-household={h.id}>
      <Flex vertical gap={6}>
        <Flex wrap gap={6} align="center" justify="space-between">
          <Typography.Text strong className="today-head">
            {h.headName ?? '—'}
          </Typography.Text>
          <Tag color={DUE_COLORS[due.kind]} data-testid="visit-due-label">
            {dueText}
          </Tag>
        </Flex>
        <Typography.Text>{h.address.text}</Typography.Text>
        <CareTagList codes={tags} communityId={h.address.communityId} />
        <Typography.Text type="secondary">
          {item.lastVisitOn ? `${t('today.lastVisit', { date: item.lastVisitOn })} · ` : ''}
          {t('today.every', { n: item.everyDays })}
        </Typography.Text>
        <Flex wrap gap={8}>
          <Button type="primary" onClick={onRecord} data-testid="visit-record">
            {t('today.record')}
          </Button>
          <Button onClick={onPhone} data-testid="visit-phone">
            {t('today.phone')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
