import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { HandlerOrgKind, type HandlerOrgDto } from '@linli/contracts';
import { Button, Card, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useAction, useConfirm } from '../../lib/use-form-save';
import { CreateButton } from '../../components/create-button';
import { useCan } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { orgKindLabel } from '../../lib/labels';
import { deleteOrg, orgKeys, useOrgList } from './org-api';
import { OrgFormModal } from './org-form-modal';

export default function OrgsPage() {
  const { t, locale } = useI18n();
  const confirm = useConfirm();
  const canWrite = useCan('orgs.write');
  const [kind, setKind] = useState<HandlerOrgKind | undefined>();
  const [editing, setEditing] = useState<HandlerOrgDto | 'new' | null>(null);
  const orgs = useOrgList({ kind });
  const remove = useAction(
    (org: HandlerOrgDto) => deleteOrg(org.id),
    async (_, { message, queryClient }) => {
      message.success(t('common.deleted'));
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
  );
  const confirmDelete = (org: HandlerOrgDto) =>
    confirm(t('common.delete'), t('common.confirmDelete', { name: org.name }), () => remove.mutateAsync(org));

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
      <PageTitle extra={canWrite && <CreateButton testId="org-create" onClick={() => setEditing('new')} />}>{t('orgs.title')}</PageTitle>
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
