import { LEGAL_TOPIC_LABELS, LegalTopic, type ConsultationDto } from '@linli/contracts';
import { Button, Col, DatePicker, Form, Input, Modal, Row, Select, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { ResidentPicker } from '../mediation/resident-picker';
import { useConsultations, useRecordConsultation, useRoster } from './legal-api';
import { RosterCard } from './roster-card';

const PAGE_SIZE = 20;
type Values = { consultedOn: Dayjs; topic: LegalTopic; question: string; advice: string; lawyerName: string; residentId?: string };

/** 公益法律服务中心 in the console: the duty roster and the consultations recorded, with a form to add one. */
export default function LegalPage() {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const list = useConsultations(page, PAGE_SIZE);
  const columns: TableColumnsType<ConsultationDto> = [
    { key: 'date', title: t('legal.col.date'), dataIndex: 'consultedOn', width: 110 },
    { key: 'topic', title: t('legal.col.topic'), render: (_, c) => LEGAL_TOPIC_LABELS[c.topic][locale], width: 110 },
    { key: 'question', title: t('legal.col.question'), dataIndex: 'question' },
    { key: 'advice', title: t('legal.col.advice'), dataIndex: 'advice' },
    { key: 'lawyer', title: t('legal.col.lawyer'), dataIndex: 'lawyerName', width: 90 },
    { key: 'resident', title: t('legal.col.resident'), render: (_, c) => c.residentName ?? '—', width: 80 },
  ];
  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => setOpen(true)} data-testid="legal-record">
            {t('legal.record')}
          </Button>
        }
      >
        {t('legal.title')}
      </PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Table
            rowKey="id"
            size="small"
            scroll={{ x: 720 }}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            data-testid="legal-table"
          />
        </Col>
        <Col xs={24} lg={8}>
          <RosterCard />
        </Col>
      </Row>
      {open && <RecordModal onClose={() => setOpen(false)} />}
    </>
  );
}

function RecordModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const roster = useRoster();
  const record = useRecordConsultation();
  const submit = (v: Values) =>
    record.mutate(
      { ...v, orgId: roster.data?.center?.id ?? '', consultedOn: v.consultedOn.format('YYYY-MM-DD') },
      { onSuccess: onClose, onError: showError },
    );
  return (
    <Modal open title={t('legal.record')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={record.isPending}>
      <Form form={form} layout="vertical" initialValues={{ consultedOn: dayjs(), topic: 'family' }} onFinish={submit}>
        <Form.Item name="consultedOn" label={t('legal.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="topic" label={t('legal.topic')} rules={[{ required: true }]}>
          <Select options={LegalTopic.options.map((k) => ({ value: k, label: LEGAL_TOPIC_LABELS[k][locale] }))} />
        </Form.Item>
        <Form.Item name="residentId" label={t('legal.col.resident')}>
          <ResidentPicker testId="legal-resident" />
        </Form.Item>
        <Form.Item name="question" label={t('legal.question')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="advice" label={t('legal.advice')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="lawyerName" label={t('legal.lawyer')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
