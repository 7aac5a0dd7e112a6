import { StopOutlined } from '@ant-design/icons';
import type { Open311KeyDto } from '@linli/contracts';
import { Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useAction, useConfirm } from '../../lib/use-form-save';
import { CreateButton } from '../../components/create-button';
import { PageTitle } from '../../components/page-title';
import { OPEN311_BASE, OPEN311_ENDPOINTS, curlExample } from './endpoints';
import { KeyFormModal } from './key-form-modal';
import { open311Keys, revokeKey, useKeyList } from './open311-api';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Open311: the keys of the communities I manage (issue, revoke) and how clients call the API. */
export default function Open311Page() {
  const { t } = useI18n();
  const confirm = useConfirm();
  const [creating, setCreating] = useState(false);
  const keys = useKeyList();
  const revoke = useAction(
    (k: Open311KeyDto) => revokeKey(k.id),
    async (_, { message, queryClient }) => {
      message.success(t('open311.revokedDone'));
      await queryClient.invalidateQueries({ queryKey: open311Keys.all });
    },
  );
  const confirmRevoke = (k: Open311KeyDto) =>
    confirm(t('open311.revoke'), t('open311.revokeConfirm', { name: k.name }), () => revoke.mutateAsync(k));
  const origin = window.location.origin;

  const columns: TableColumnsType<Open311KeyDto> = [
    { key: 'name', title: t('open311.name'), dataIndex: 'name' },
    { key: 'prefix', title: t('open311.prefix'), render: (_, k) => <Typography.Text code>{k.prefix}…</Typography.Text> },
    { key: 'community', title: t('open311.community'), render: (_, k) => k.community.name },
    { key: 'created', title: t('open311.created'), render: (_, k) => when(k.createdAt) },
    { key: 'lastUsed', title: t('open311.lastUsed'), render: (_, k) => (k.lastUsedAt ? when(k.lastUsedAt) : t('open311.never')) },
    {
      key: 'status',
      title: t('open311.status'),
      render: (_, k) =>
        k.revokedAt ? <Tag>{`${t('open311.revoked')} ${when(k.revokedAt)}`}</Tag> : <Tag color="green">{t('open311.active')}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, k) =>
        k.abilities.canRevoke && (
          <Button size="small" danger icon={<StopOutlined />} onClick={() => confirmRevoke(k)} data-testid={`open311-revoke-${k.prefix}`}>
            {t('open311.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageTitle extra={<CreateButton testId="open311-key-create" onClick={() => setCreating(true)} label={t('open311.create')} />}>
        {t('open311.title')}
      </PageTitle>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Typography.Paragraph type="secondary">{t('open311.intro')}</Typography.Paragraph>
          <Table
            rowKey="id"
            data-testid="open311-keys-table"
            loading={keys.isPending}
            dataSource={keys.data}
            columns={columns}
            locale={{ emptyText: t('open311.empty') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        </Card>
        <Card title={t('open311.endpoints')}>
          <Typography.Paragraph type="secondary">{t('open311.formats')}</Typography.Paragraph>
          {OPEN311_ENDPOINTS.map((e) => (
            <Typography.Paragraph key={`${e.method} ${e.path}`} style={{ marginBottom: 8 }}>
              <Tag color={e.method === 'POST' ? 'orange' : 'blue'}>{e.method}</Tag>
              <Typography.Text code copyable>{`${origin}${OPEN311_BASE}${e.path}`}</Typography.Text>
              <Typography.Text type="secondary"> {t(e.labelKey)}</Typography.Text>
            </Typography.Paragraph>
          ))}
          <Typography.Title level={5}>{t('open311.curl')}</Typography.Title>
          {/* the copy button sits in the code block's corner, not orphaned on a line below it */}
          <Typography.Paragraph style={{ position: 'relative' }}>
            <pre style={{ margin: 0, paddingRight: 40 }} data-testid="open311-curl">
              {curlExample(origin)}
            </pre>
            <Typography.Text
              copyable={{ text: curlExample(origin), tooltips: [t('open311.copy'), t('open311.copied')] }}
              style={{ position: 'absolute', top: 8, right: 12 }}
              data-testid="open311-curl-copy"
            />
          </Typography.Paragraph>
        </Card>
      </Space>
      {creating && <KeyFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
