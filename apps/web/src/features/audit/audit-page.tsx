import type { AuditEntryDto, AuditListQuery } from '@linli/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { usePagination } from '../../lib/use-pagination';
import { PageTitle } from '../../components/page-title';
import { auditKeys, listAudit } from './audit-api';

type Filters = { action?: string; actor?: string; range?: [Dayjs | null, Dayjs | null] | null };
const OUTCOME_COLOR = { ok: 'green', denied: 'orange', failed: 'red' } as const;

/** Filter form values → query: the range covers whole days in the browser's time zone. */
function toQuery(f: Filters): Partial<AuditListQuery> {
  const [from, to] = f.range ?? [];
  return {
    action: f.action?.trim() || undefined,
    actor: f.actor?.trim() || undefined,
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.endOf('day').toISOString() : undefined,
  };
}

export default function AuditLogPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Partial<AuditListQuery>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...filters, ...page };
  const entries = useQuery({ queryKey: auditKeys.list(query), queryFn: () => listAudit(query), placeholderData: keepPreviousData });
  const pagination = usePagination(page, entries.data?.total, setPage);

  const columns: TableColumnsType<AuditEntryDto> = [
    { key: 'at', title: t('audit.at'), render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss'), width: 180 },
    { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorName ?? t('audit.system') },
    { key: 'action', title: t('audit.action'), render: (_, e) => <code>{e.action}</code> },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, e) => (e.entityType ? `${e.entityType}${e.entityId ? ` · ${e.entityId.slice(0, 8)}` : ''}` : '—'),
    },
    {
      key: 'outcome',
      title: t('audit.outcome'),
      render: (_, e) => <Tag color={OUTCOME_COLOR[e.outcome]}>{t(`audit.outcome.${e.outcome}`)}</Tag>,
    },
    { key: 'ip', title: t('audit.ip'), render: (_, e) => e.ip ?? '—' },
  ];

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Card>
        <Form
          form={form}
          layout="inline"
          onFinish={(f) => {
            setFilters(toQuery(f));
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ marginBottom: 16, rowGap: 12 }}
          data-testid="audit-filters"
        >
          <Form.Item name="action">
            <Input allowClear placeholder={t('audit.actionPrefix')} data-testid="audit-action" />
          </Form.Item>
          <Form.Item name="actor">
            <Input allowClear placeholder={t('audit.actorFilter')} data-testid="audit-actor" />
          </Form.Item>
          <Form.Item name="range" label={t('audit.range')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="audit-range" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="audit-search">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage((p) => ({ ...p, page: 1 }));
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form>
        <Table
          rowKey="id"
          data-testid="audit-table"
          loading={entries.isFetching}
          dataSource={entries.data?.items}
          columns={columns}
          scroll={{ x: 'max-content' }}
          expandable={{
            rowExpandable: (e) => Object.keys(e.details).length > 0,
            expandedRowRender: (e) => (
              <Typography.Paragraph style={{ margin: 0 }}>
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(e.details, null, 2)}</pre>
              </Typography.Paragraph>
            ),
          }}
          pagination={pagination}
        />
      </Card>
    </>
  );
}
