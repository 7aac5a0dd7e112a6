import { DISPUTE_KIND_LABELS, DisputeKind, type DisputeKind as Kind, type OpenMediationInput, type OrderDto } from '@linli/contracts';
import { Alert, Button, Card, Form, Input, Select, Skeleton } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { AreaSelect } from '../areas/area-select';
import { useOrder } from '../orders/order-api';
import { openCase } from './mediation-api';
import { ResidentPicker } from './resident-picker';

type Side = { residentId?: string; org?: string };
type Values = { kind: Kind; title: string; facts: string; communityId?: string; applicant: Side; respondent: Side };

const KIND_OF_SERVICE: Record<string, Kind> = {
  'neighbour-dispute': 'neighbour',
  'property-fee-dispute': 'property_fee',
  'renovation-noise': 'renovation_noise',
  'family-dispute': 'family',
};

const party = (side: 'applicant' | 'respondent', s: Side): OpenMediationInput['parties'][number] =>
  s.residentId ? { kind: 'resident', residentId: s.residentId, side } : { kind: 'org', name: s.org ?? '', side };

/** 立案: a case opened directly in a community, or from an order (?orderId=), the signed-in user presiding. */
export default function MediationOpenPage() {
  const [params] = useSearchParams();
  const orderId = params.get('orderId');
  return orderId ? <FromOrder orderId={orderId} /> : <OpenForm />;
}

function FromOrder({ orderId }: { orderId: string }) {
  const order = useOrder(orderId);
  if (order.isPending) return <Skeleton active />;
  return <OpenForm order={order.data} />;
}

function OpenForm({ order }: { order?: OrderDto }) {
  const { t, locale } = useI18n();
  const me = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const initial: Partial<Values> = order
    ? {
        kind: KIND_OF_SERVICE[order.service.code] ?? 'other',
        title: order.service.name,
        facts: order.description,
      }
    : { kind: 'neighbour' };
  const submit = async (v: Values) => {
    try {
      const dto = await openCase({
        kind: v.kind,
        title: v.title,
        facts: v.facts,
        ...(order ? { orderId: order.id } : { communityId: v.communityId }),
        parties: [party('applicant', v.applicant ?? {}), party('respondent', v.respondent ?? {})],
        mediatorIds: [me.user.id],
      });
      navigate(`/mediation/${dto.id}`);
    } catch (err) {
      showError(err);
    }
  };
  const side = (name: 'applicant' | 'respondent') => (
    <Card size="small" title={t(`mediation.${name}`)} key={name}>
      <Form.Item name={[name, 'residentId']} label={t('mediation.partyResident')}>
        <ResidentPicker testId={`mediation-${name}`} />
      </Form.Item>
      <Form.Item name={[name, 'org']} label={t('mediation.partyOrg')} style={{ marginBottom: 0 }}>
        <Input data-testid={`mediation-${name}-org`} />
      </Form.Item>
    </Card>
  );
  return (
    <>
      <PageTitle>{t('mediation.openTitle')}</PageTitle>
      {order && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`${t('mediation.fromOrder')}：${order.orderNo}`} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        style={{ maxWidth: 720 }}
        data-testid="mediation-open-form"
      >
        <Form.Item name="kind" label={t('mediation.kind')} rules={[{ required: true }]}>
          <Select
            options={DisputeKind.options.map((k) => ({ value: k, label: DISPUTE_KIND_LABELS[k][locale] }))}
            data-testid="mediation-kind"
          />
        </Form.Item>
        {!order && (
          <Form.Item name="communityId" label={t('mediation.community')}>
            <AreaSelect kinds={['community']} testId="mediation-community" />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('mediation.caseTitle')} rules={[{ required: true }]}>
          <Input data-testid="mediation-title" />
        </Form.Item>
        <Form.Item name="facts" label={t('mediation.facts')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="mediation-facts" />
        </Form.Item>
        <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', marginBottom: 16 }}>
          {side('applicant')}
          {side('respondent')}
        </div>
        <Form.Item label={t('mediation.mediators')}>
          {me.user.displayName}（{t('mediation.presiding')}）
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="mediation-submit">
          {t('mediation.open')}
        </Button>
      </Form>
    </>
  );
}
