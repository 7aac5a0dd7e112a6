import { Card, Empty, List, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/i18n/translate';
import { useRoster } from './legal-api';

/** The center serving the user's community and its lawyers on duty, by weekday. */
export function RosterCard() {
  const { t } = useI18n();
  const roster = useRoster();
  const data = roster.data;
  if (!roster.isPending && !data?.center) return <Empty description={t('legal.noCenter')} />;
  return (
    <Card loading={roster.isPending} title={data?.center?.name} data-testid="legal-roster">
      {data?.center?.phone && <Typography.Paragraph>{t('legal.phone', { phone: data.center.phone })}</Typography.Paragraph>}
      <List
        locale={{ emptyText: t('legal.noSlots') }}
        dataSource={data?.slots ?? []}
        renderItem={(s) => (
          <List.Item data-testid="legal-slot">
            <List.Item.Meta
              title={`${t(`legal.day.${s.weekday}` as MessageKey)} ${s.startsAt}–${s.endsAt}`}
              description={`${s.lawyerName} · ${s.firm}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
