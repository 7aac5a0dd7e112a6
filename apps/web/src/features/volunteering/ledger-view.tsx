import type { LedgerDto } from '@linli/contracts';
import { StarFilled } from '@ant-design/icons';
import { Card, Flex, List, Rate, Statistic, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';

/** A volunteer's hours, star level and service records (one column, fits a phone). */
export function LedgerView({ ledger }: { ledger: LedgerDto }) {
  const { t, locale } = useI18n();
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' });
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex wrap gap={24}>
          <Statistic title={t('vol.verified')} value={ledger.verifiedHours} suffix="h" data-testid="ledger-hours" />
          {ledger.pendingHours > 0 && <Statistic title={t('vol.pending')} value={ledger.pendingHours} suffix="h" />}
          <div>
            <Typography.Text type="secondary">{t('vol.stars')}</Typography.Text>
            <div data-testid="ledger-stars" data-stars={ledger.stars}>
              <Rate disabled count={ledger.thresholds.length} value={ledger.stars} character={<StarFilled />} />
            </div>
          </div>
        </Flex>
        {ledger.nextThreshold !== null && (
          <Typography.Text type="secondary">
            {t('vol.next', { n: Math.round((ledger.nextThreshold - ledger.verifiedHours) * 10) / 10 })}
          </Typography.Text>
        )}
        {ledger.volunteer.teamName && (
          <div>
            {t('vol.team')}: {ledger.volunteer.teamName}
          </div>
        )}
      </Card>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('vol.records')}
      </Typography.Title>
      <List
        dataSource={ledger.items.slice(0, 50)}
        data-testid="ledger-records"
        renderItem={(h) => (
          <List.Item data-testid="ledger-record">
            <Flex vertical style={{ width: '100%' }}>
              <Flex justify="space-between">
                <Typography.Text strong>{h.content}</Typography.Text>
                <Typography.Text strong>{h.hours} h</Typography.Text>
              </Flex>
              <Typography.Text type="secondary">
                {day.format(new Date(h.startsAt))} · {h.organiser} <Tag>{t(`vol.source.${h.source}`)}</Tag>
                {h.status !== 'verified' && <Tag color="orange">{h.status}</Tag>}
              </Typography.Text>
              {h.decisionNote && <Typography.Text type="danger">{t('hours.rejectedWhy', { reason: h.decisionNote })}</Typography.Text>}
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
