import { ELIGIBILITY_AREA_KINDS, VOTE_TOPIC_LABELS, VoteEligibility, VoteTopicKind, type VoteTopicDto } from '@linli/contracts';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { AreaSelect } from '../areas/area-select';
import { useOpenTopic, useTopics } from './consultations-api';
import { OwnerModal } from './owner-modal';
import { TopicStatus, shortTime } from './topic-status';

const PAGE_SIZE = 20;

/** /consultations: the topics in scope with turnout, and a form to open one. */
export default function ConsultationsPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const list = useTopics(page, PAGE_SIZE);
  const columns: TableColumnsType<VoteTopicDto> = [
    { key: 'title', title: t('consult.col.title'), render: (_, c) => <Link to={`/consultations/${c.id}`}>{c.title}</Link> },
    { key: 'area', title: t('consult.col.area'), dataIndex: 'areaName', width: 120 },
    { key: 'closes', title: t('consult.col.closes'), render: (_, c) => shortTime(c.closesAt), width: 150 },
    { key: 'turnout', title: t('consult.col.turnout'), render: (_, c) => `${c.votedCount} / ${c.eligibleCount}`, width: 110 },
    { key: 'status', title: t('consult.col.status'), render: (_, c) => <TopicStatus topic={c} />, width: 90 },
  ];
  const [owner, setOwner] = useState(false);
  const openButton = (
    <Space wrap>
      <Button onClick={() => setOwner(true)} data-testid="consult-owner">
        {t('consult.owner.title')}
      </Button>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="consult-open">
        {t('consult.open')}
      </Button>
    </Space>
  );
  return (
    <>
      <PageTitle extra={openButton}>{t('consult.title')}</PageTitle>
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: 640 }}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="consult-table"
      />
      {open && <OpenModal onClose={() => setOpen(false)} />}
      {owner && <OwnerModal onClose={() => setOwner(false)} />}
    </>
  );
}

type Values = {
  title: string;
  description?: string;
  kind: VoteTopicKind;
  eligibility: VoteEligibility;
  areaId: string;
  options: string;
  quorum: number;
  closesAt: Dayjs;
};

function OpenModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const openTopic = useOpenTopic();
  const eligibility = Form.useWatch('eligibility', form) ?? 'compound_households';
  const submit = (v: Values) =>
    openTopic.mutate(
      {
        title: v.title,
        description: v.description ?? '',
        kind: v.kind,
        eligibility: v.eligibility,
        areaId: v.areaId,
        quorum: v.quorum,
        closesAt: v.closesAt.toISOString(),
        options: v.options
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((label, i) => ({ key: `o${i + 1}`, label })),
      },
      { onSuccess: (c) => navigate(`/consultations/${c.id}`), onError: showError },
    );
  return (
    <Modal open title={t('consult.open')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={openTopic.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'parking', eligibility: 'compound_households', quorum: 1, closesAt: dayjs().add(7, 'day') }}
        onFinish={submit}
      >
        <Form.Item name="title" label={t('consult.col.title')} rules={[{ required: true }]}>
          <Input data-testid="consult-title" />
        </Form.Item>
        <Form.Item name="kind" label={t('consult.kind')}>
          <Select options={VoteTopicKind.options.map((k) => ({ value: k, label: VOTE_TOPIC_LABELS[k][locale] }))} />
        </Form.Item>
        <Form.Item name="eligibility" label={t('consult.eligibility')}>
          <Select options={VoteEligibility.options.map((k) => ({ value: k, label: t(`consult.elig.${k}`) }))} />
        </Form.Item>
        <Form.Item name="areaId" label={t('consult.area')} rules={[{ required: true }]}>
          <AreaSelect kinds={ELIGIBILITY_AREA_KINDS[eligibility]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="options" label={t('consult.options')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="consult-options" />
        </Form.Item>
        <Form.Item name="quorum" label={t('consult.quorum')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="closesAt" label={t('consult.closesAt')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={t('consult.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
