import { DISPUTE_KIND_LABELS, type MediationCaseDto } from '@linli/contracts';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, List, Result, Row, Skeleton, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { isApiError } from '../../lib/api';
import { useShowError } from '../../lib/form-errors';
import { AgreementPanel } from './agreement-panel';
import { CloseAndVisitPanel } from './close-panel';
import { useCase, useCaseActions } from './mediation-api';
import { StatusTag } from './status-tag';

/** One mediation case: facts, parties (masked unless the user mediates it), sessions, the agreement, closing and return visits. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const c = useCase(id);
  if (c.isPending) return <Skeleton active />;
  if (c.isError)
    return isApiError(c.error, 'NOT_FOUND') ? (
      <Result status="404" title={t('mediation.notFound')} />
    ) : (
      <Alert type="error" message={c.error.message} />
    );
  return <CaseView c={c.data} />;
}

function CaseView({ c }: { c: MediationCaseDto }) {
  const { t, locale } = useI18n();
  return (
    <>
      <PageTitle>{c.caseNo}</PageTitle>
      <Flex wrap gap={8} align="center" style={{ marginTop: -8, marginBottom: 16 }}>
        <StatusTag status={c.status} />
        <Tag>{DISPUTE_KIND_LABELS[c.kind][locale]}</Tag>
        {c.escalatedAt && c.status === 'open' && <Tag color="red">{t('mediation.escalated')}</Tag>}
        {c.orderId && <Link to={`/orders/${c.orderId}`}>{t('mediation.fromOrder')}</Link>}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={c.title}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('mediation.facts')}>{c.facts}</Descriptions.Item>
                <Descriptions.Item label={t('mediation.col.opened')}>{c.openedAt.slice(0, 10)}</Descriptions.Item>
                <Descriptions.Item label={t('mediation.col.due')}>{c.dueAt.slice(0, 10)}</Descriptions.Item>
                <Descriptions.Item label={t('mediation.mediators')}>
                  {c.mediators.map((m) => (m.presiding ? `${m.name}（${t('mediation.presiding')}）` : m.name)).join('、')}
                </Descriptions.Item>
                {c.summary && <Descriptions.Item label={t('mediation.summary')}>{c.summary}</Descriptions.Item>}
              </Descriptions>
            </Card>
            <Card size="small" title={t('mediation.parties')}>
              <List
                size="small"
                dataSource={c.parties}
                renderItem={(p) => (
                  <List.Item data-testid="mediation-party">
                    <Flex vertical>
                      <span>
                        {t(`mediation.${p.side}`)}：{p.name}
                      </span>
                      {(p.phone || p.address) && <small>{[p.phone, p.address].filter(Boolean).join(' · ')}</small>}
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
            <SessionsCard c={c} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <AgreementPanel c={c} />
            <CloseAndVisitPanel c={c} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

function SessionsCard({ c }: { c: MediationCaseDto }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ heldAt: Dayjs; place: string; notes: string }>();
  const showError = useShowError(form);
  const { session } = useCaseActions(c.id);
  const canRecord = c.abilities.includes('record');
  const submit = (v: { heldAt: Dayjs; place: string; notes: string }) =>
    session.mutate(
      { heldAt: v.heldAt.toISOString(), place: v.place, notes: v.notes },
      { onSuccess: () => form.resetFields(), onError: showError },
    );
  return (
    <Card size="small" title={t('mediation.sessions')}>
      <List
        size="small"
        locale={{ emptyText: t('mediation.noSessions') }}
        dataSource={c.sessions}
        renderItem={(s) => (
          <List.Item data-testid="mediation-session">
            <Flex vertical>
              <small>
                {new Date(s.heldAt).toLocaleString(locale)} · {s.place} · {s.recordedBy}
              </small>
              <span style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</span>
            </Flex>
          </List.Item>
        )}
      />
      {canRecord && (
        <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }} data-testid="session-form">
          <Form.Item name="heldAt" label={t('mediation.heldAt')} rules={[{ required: true }]} initialValue={dayjs().startOf('minute')}>
            <DatePicker showTime style={{ width: '100%' }} data-testid="session-held-at" />
          </Form.Item>
          <Form.Item name="place" label={t('mediation.place')} rules={[{ required: true }]} initialValue="社区人民调解室">
            <Input data-testid="session-place" />
          </Form.Item>
          <Form.Item name="notes" label={t('mediation.notes')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="session-notes" />
          </Form.Item>
          <Button htmlType="submit" loading={session.isPending} data-testid="session-submit">
            {t('mediation.recordSession')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
