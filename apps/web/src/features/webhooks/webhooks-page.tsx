import { DeleteOutlined, PauseOutlined, PlayCircleOutlined, SendOutlined } from '@ant-design/icons';
import type { UpdateWebhookInput, WebhookDto } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useAction, useConfirm } from '../../lib/use-form-save';
import { CreateButton } from '../../components/create-button';
import { PageTitle } from '../../components/page-title';
import { DeliveriesTable } from './deliveries-table';
import { eventKindLabel } from './event-labels';
import { deleteWebhook, testWebhook, updateWebhook, useWebhookList, webhookKeys } from './webhook-api';
import { WebhookFormModal } from './webhook-form-modal';

/** Webhooks of the areas I manage: create (secret shown once), pause, test, delete, and each one's deliveries. */
export default function WebhooksPage() {
  const { t } = useI18n();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const hooks = useWebhookList();
  const refresh = (id?: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
      id && queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(id) }),
    ]);
  const update = useAction(
    ({ id, patch }: { id: string; patch: UpdateWebhookInput }) => updateWebhook(id, patch),
    (h) => refresh(h.id),
  );
  const test = useAction(
    (id: string) => testWebhook(id),
    async (d, { message, variables: id }) => {
      const status = d.lastStatus ?? d.lastError ?? t(`webhooks.delivery.${d.status}`);
      if (d.status === 'delivered') message.success(t('webhooks.tested', { status }));
      else message.warning(t('webhooks.tested', { status }));
      await refresh(id);
    },
  );
  const remove = useAction(
    (id: string) => deleteWebhook(id),
    () => refresh(),
  );
  const confirmDelete = (h: WebhookDto) =>
    confirm(t('webhooks.delete'), t('webhooks.deleteConfirm', { name: h.name }), () => remove.mutateAsync(h.id));

  const columns: TableColumnsType<WebhookDto> = [
    { key: 'name', title: t('webhooks.name'), dataIndex: 'name' },
    { key: 'url', title: t('webhooks.url'), render: (_, h) => <Typography.Text code>{h.url}</Typography.Text> },
    { key: 'area', title: t('webhooks.area'), render: (_, h) => h.area.name },
    { key: 'events', title: t('webhooks.events'), render: (_, h) => h.events.map((e) => <Tag key={e}>{t(eventKindLabel(e))}</Tag>) },
    {
      key: 'status',
      title: t('webhooks.status'),
      render: (_, h) => (h.active ? <Tag color="green">{t('webhooks.active')}</Tag> : <Tag>{t('webhooks.paused')}</Tag>),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      // stays in view when a long address makes the table scroll sideways
      fixed: 'right',
      render: (_, h) =>
        h.abilities.canEdit && (
          <Space size="small" wrap>
            <Button
              size="small"
              icon={<SendOutlined />}
              loading={test.isPending && test.variables === h.id}
              onClick={() => test.mutate(h.id)}
              data-testid={`webhook-test-${h.name}`}
            >
              {t('webhooks.test')}
            </Button>
            <Button
              size="small"
              icon={h.active ? <PauseOutlined /> : <PlayCircleOutlined />}
              onClick={() => update.mutate({ id: h.id, patch: { active: !h.active } })}
            >
              {h.active ? t('webhooks.pause') : t('webhooks.resume')}
            </Button>
            <Button size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(h)}>
              {t('webhooks.delete')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageTitle extra={<CreateButton testId="webhook-create" onClick={() => setCreating(true)} label={t('webhooks.create')} />}>
        {t('webhooks.title')}
      </PageTitle>
      <Card>
        <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
        <Table
          rowKey="id"
          data-testid="webhooks-table"
          loading={hooks.isPending}
          dataSource={hooks.data}
          columns={columns}
          expandable={{ expandedRowRender: (h) => <DeliveriesTable webhookId={h.id} /> }}
          locale={{ emptyText: t('webhooks.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      {creating && <WebhookFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
