import { CompoundPropertyDto, CompoundPropertyList, type CompoundPropertyInput, HandlerOrgListDto } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Modal, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { api } from '../../lib/api';
import { useShowError } from '../../lib/form-errors';

const KEY = ['compound-property'] as const;
type Values = { orgId?: string; period?: [Dayjs, Dayjs] };

/** 小区物业: each compound in scope with its property company and contract, or none (无物业小区, served by the community). */
export default function CompoundPropertyPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: KEY, queryFn: () => api.get('/api/compounds/property', CompoundPropertyList) });
  const [editing, setEditing] = useState<CompoundPropertyDto | null>(null);
  const columns: TableColumnsType<CompoundPropertyDto> = [
    { key: 'compound', title: t('property.compound'), dataIndex: 'compoundName' },
    {
      key: 'servedBy',
      title: t('property.servedBy'),
      render: (_, c) => (c.orgName ? c.orgName : <Tag color="orange">{t('property.none')}</Tag>),
    },
    {
      key: 'contract',
      title: t('property.contract'),
      render: (_, c) => (c.contractStart ? `${c.contractStart} – ${c.contractEnd ?? ''}` : '—'),
    },
    {
      key: 'edit',
      title: '',
      render: (_, c) =>
        c.abilities.includes('edit') && (
          <Button size="small" onClick={() => setEditing(c)} data-testid="property-edit">
            {t('property.edit')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <PageTitle>{t('property.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('property.intro')}</Typography.Paragraph>
      <Table
        rowKey="compoundId"
        size="small"
        scroll={{ x: 560 }}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        data-testid="property-table"
      />
      {editing && <EditModal compound={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function EditModal({ compound, onClose }: { compound: CompoundPropertyDto; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const orgs = useQuery({ queryKey: ['orgs', 'property'], queryFn: () => api.get('/api/orgs', HandlerOrgListDto, { kind: 'property' }) });
  const save = useMutation({
    mutationFn: (input: CompoundPropertyInput) => api.put(`/api/compounds/${compound.compoundId}/property`, input, CompoundPropertyDto),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: showError,
  });
  const submit = (v: Values) =>
    save.mutate({
      orgId: v.orgId ?? null,
      contractStart: v.orgId && v.period ? v.period[0].format('YYYY-MM-DD') : null,
      contractEnd: v.orgId && v.period ? v.period[1].format('YYYY-MM-DD') : null,
    });
  const initial: Values = {
    orgId: compound.orgId ?? undefined,
    period: compound.contractStart && compound.contractEnd ? [dayjs(compound.contractStart), dayjs(compound.contractEnd)] : undefined,
  };
  return (
    <Modal open title={compound.compoundName} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="orgId" label={t('property.company')}>
          <Select
            allowClear
            placeholder={t('property.none')}
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t('property.contract')}>
          <DatePicker.RangePicker style={{ width: '100%' }} placeholder={[t('property.start'), t('property.end')]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
