import { PlusOutlined } from '@ant-design/icons';
import { VISIT_KIND_LABELS, daysBetween, localDate, type VisitDto, type VisitSummary } from '@linli/contracts';
import { Alert, Button, Card, Descriptions, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { EnrolFromNeedButton } from '../programmes/enrol-modal';
import { useHouseholdVisits } from './visit-api';
import { VisitForm } from './visit-form';

const NEED_COLORS = { open: 'orange', ordered: 'blue', resolved: 'green' } as const;

/** A household's visits (走访) inside the household card: where it stands, the record form, then the visits newest first. */
export function VisitsPanel({ householdId }: { householdId: string }) {
  const { t } = useI18n();
  const visits = useHouseholdVisits(householdId);
  const [recording, setRecording] = useState(false);
  if (visits.isPending) return <Skeleton active />;
  if (visits.isError) return <Alert type="error" showIcon message={visits.error.message} />;
  const { items, summary, abilities } = visits.data;
  return (
    <Flex vertical gap={12} data-testid="visits-panel">
      <SummaryBlock summary={summary} />
      {abilities.canRecord &&
        (recording ? (
          <Card size="small" title={t('visits.recordTitle')}>
            <VisitForm householdId={householdId} onDone={() => setRecording(false)} />
          </Card>
        ) : (
          <Button type="primary" size="large" block icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="visit-record">
            {t('visits.record')}
          </Button>
        ))}
      <List
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.empty')} /> }}
        renderItem={(v) => <VisitItem visit={v} />}
        data-testid="visits-list"
      />
    </Flex>
  );
}

function SummaryBlock({ summary }: { summary: VisitSummary }) {
  const { t } = useI18n();
  const overdue = summary.nextVisitDue ? daysBetween(summary.nextVisitDue, localDate()) : 0;
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="visits-summary">
      <Descriptions.Item label={t('visits.lastVisit')}>{summary.lastVisitOn ?? t('visits.never')}</Descriptions.Item>
      <Descriptions.Item label={t('visits.nextDue')}>
        {summary.nextVisitDue ? (
          <Flex wrap gap={8} align="center">
            <span>{summary.nextVisitDue}</span>
            {summary.everyDays && <Typography.Text type="secondary">{t('visits.every', { n: summary.everyDays })}</Typography.Text>}
            {overdue > 0 && (
              <Tag color="red" data-testid="visits-overdue">
                {t('visits.overdueBy', { n: overdue })}
              </Tag>
            )}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('visits.noSchedule')}</Typography.Text>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

function VisitItem({ visit }: { visit: VisitDto }) {
  const { t, locale } = useI18n();
  return (
    <List.Item data-testid="visit-item">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong>
            {visit.visitedOn} · {VISIT_KIND_LABELS[visit.kind][locale]}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('visits.visitor')}: {visit.visitor.name}
          </Typography.Text>
        </Flex>
        {visit.notes && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{visit.notes}</Typography.Paragraph>}
        {visit.needs.length > 0 && (
          <Flex wrap gap={4}>
            {visit.needs.map((n, i) => (
              <span key={i}>
                <Tag color={NEED_COLORS[n.status]} style={{ marginInlineEnd: 0 }}>
                  {n.text} · {t(`visits.need.${n.status}`)}
                </Tag>
                {n.status === 'open' && <EnrolFromNeedButton need={{ visitId: visit.id, needIndex: i, text: n.text }} />}
              </span>
            ))}
          </Flex>
        )}
      </Flex>
    </List.Item>
  );
}
