import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { HandlerOrgKind, type HandlerOrgDto } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { orgKindLabel } from '../../lib/labels';
import { deleteOrg, orgKeys, useOrgList } from './org-api';
import { OrgFormModal } from './org-form-modal';

export default function OrgsPage() {
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const canWrite = useCan('orgs.write');
  const [kind, setKind] = useState<HandlerOrgKind | undefined>();
  const [editing, setEditing] = useState<HandlerOrgDto | 'new' | null>(null);
  const orgs = useOrgList({ kind });
  const remove = useMutation({
    mutationFn: (org: HandlerOrgDto) => deleteOrg(org.id),
    onSuccess: async () => {
      message.success(t('common.deleted'));
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
    onError: showError,
  });
  const confirmDelete = (org: HandlerOrgDto) =>
    modal.confirm({
      title: t('common.delete'),
      content: t('common.confirmDelete', { name: org.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(org).catch(() => undefined),
    });

  const columns: TableColumnsType<HandlerOrgDto> = [
    { key: 'name', title: t('orgs.name'), dataIndex: 'name' },
    { key: 'kind', title: t('orgs.kind'), render: (_, o) => <Tag>{orgKindLabel(o.kind, locale)}</Tag> },
    { key: 'phone', title: t('orgs.phone'), render: (_, o) => o.phone ?? '—' },
    { key: 'area', title: t('orgs.area'), dataIndex: 'areaName' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, o) =>
        o.abilities.canEdit && (
          <Space>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(o)}>
              {t('common.edit')}
            </Button>
            <Button size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(o)}>
              {t('common.delete')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="org-create">
              {t('common.create')}
            </Button>
          )
        }
      >
        {t('orgs.title')}
      </PageTitle>
      <Card>
        <Select
          allowClear
          placeholder={t('orgs.kind')}
          value={kind}
          onChange={setKind}
          options={HandlerOrgKind.options.map((k) => ({ value: k, label: orgKindLabel(k, locale) }))}
          style={{ minWidth: 180, marginBottom: 16 }}
          data-testid="org-kind-filter"
        />
        <Table
          rowKey="id"
          data-testid="orgs-table"
          loading={orgs.isPending}
          dataSource={orgs.data}
          columns={columns}
          locale={{ emptyText: t('orgs.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      {editing && <OrgFormModal org={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
