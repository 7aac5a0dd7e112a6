import { DeleteOutlined, PauseOutlined, PlayCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { UpdateWebhookInput, WebhookDto } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { DeliveriesTable } from './deliveries-table';
import { eventKindLabel } from './event-labels';
import { deleteWebhook, testWebhook, updateWebhook, useWebhookList, webhookKeys } from './webhook-api';
import { WebhookFormModal } from './webhook-form-modal';

/** Webhooks of the areas I manage: create (secret shown once), pause, test, delete, and each one's deliveries. */
export default function WebhooksPage() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [creating, setCreating] = useState(false);
  const hooks = useWebhookList();
  const refresh = (id?: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
      id && queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(id) }),
    ]);
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateWebhookInput }) => updateWebhook(id, patch),
    onSuccess: (h) => refresh(h.id),
    onError: showError,
  });
  const test = useMutation({
    mutationFn: (id: string) => testWebhook(id),
    onSuccess: async (d, id) => {
      const status = d.lastStatus ?? d.lastError ?? t(`webhooks.delivery.${d.status}`);
      if (d.status === 'delivered') message.success(t('webhooks.tested', { status }));
      else message.warning(t('webhooks.tested', { status }));
      await refresh(id);
    },
    onError: showError,
  });
  const remove = useMutation({ mutationFn: (id: string) => deleteWebhook(id), onSuccess: () => refresh(), onError: showError });
  const confirmDelete = (h: WebhookDto) =>
    modal.confirm({
      title: t('webhooks.delete'),
      content: t('webhooks.deleteConfirm', { name: h.name }),
      okText: t('webhooks.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(h.id).catch(() => undefined),
    });

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
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="webhook-create">
            {t('webhooks.create')}
          </Button>
        }
      >
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
