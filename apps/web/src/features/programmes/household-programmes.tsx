import { PROGRAMME_KIND_LABELS } from '@linli/contracts';
import { Alert, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { useHouseholdProgrammes } from './programmes-api';

/** What a household receives (its card's tab): one line per member and programme. */
export function HouseholdProgrammes({ householdId }: { householdId: string }) {
  const { t, locale } = useI18n();
  const q = useHouseholdProgrammes(householdId);
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} />;
  return (
    <List
      dataSource={q.data.items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programmes.householdNone')} /> }}
      renderItem={(i) => (
        <List.Item>
          <Space wrap size={6}>
            <Tag color="blue">{PROGRAMME_KIND_LABELS[i.kind][locale]}</Tag>
            <strong>{i.programmeName}</strong>
            <span>{i.residentName}</span>
            <Typography.Text type="secondary">
              {t('programmes.since', { date: i.enrolledOn })} · {t('programmes.attended', { n: i.attended })}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
      data-testid="household-programmes"
    />
  );
}
