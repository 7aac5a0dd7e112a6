import type { WebhookDeliveryDto } from '@linli/contracts';
import { Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n';
import { useDeliveries } from './webhook-api';

const COLOR = { pending: 'gold', delivered: 'green', failed: 'red' } as const;
const when = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm:ss') : '—');

/** The latest deliveries of one webhook, shown when its row is expanded. */
export function DeliveriesTable({ webhookId }: { webhookId: string }) {
  const { t } = useI18n();
  const deliveries = useDeliveries(webhookId);
  const columns: TableColumnsType<WebhookDeliveryDto> = [
    { key: 'at', title: t('webhooks.createdAt'), render: (_, d) => when(d.createdAt) },
    { key: 'type', title: t('webhooks.type'), dataIndex: 'type' },
    {
      key: 'status',
      title: t('webhooks.status'),
      render: (_, d) => <Tag color={COLOR[d.status]}>{t(`webhooks.delivery.${d.status}`)}</Tag>,
    },
    { key: 'attempts', title: t('webhooks.attempts'), dataIndex: 'attempts' },
    { key: 'last', title: t('webhooks.lastStatus'), render: (_, d) => d.lastStatus ?? d.lastError ?? '—' },
    { key: 'next', title: t('webhooks.nextAttempt'), render: (_, d) => when(d.nextAttemptAt) },
  ];
  return (
    <Table
      size="small"
      rowKey="id"
      loading={deliveries.isPending}
      dataSource={deliveries.data}
      columns={columns}
      locale={{ emptyText: t('webhooks.noDeliveries') }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid={`webhook-deliveries-${webhookId}`}
    />
  );
}
