import { DISPUTE_KIND_LABELS, type DecisionDto, DisputeKind, type MeetingDto } from '@linli/contracts';
import { Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useShowError } from '../../lib/form-errors';
import { AreaSelect } from '../areas/area-select';
import { useCatalogue } from '../catalogue/catalogue-api';
import { ServicePicker } from '../orders/service-picker';
import { useMeetingActions } from './meetings-api';

export type DecisionAction = 'orders' | 'mediation' | 'tasks';
type Props = { m: MeetingDto; decision: DecisionDto; onClose: () => void };

/** The form turning one decision into orders, a mediation case or tasks, in a modal. */
export function DecisionModal({ action, ...props }: Props & { action: DecisionAction }) {
  const { t } = useI18n();
  const title = { orders: t('meetings.toOrders'), mediation: t('meetings.toMediation'), tasks: t('meetings.toTasks') }[action];
  return (
    <Modal open title={title} footer={null} onCancel={props.onClose} destroyOnHidden width={640} data-testid="decision-modal">
      <p style={{ color: '#666' }}>{props.decision.text}</p>
      {action === 'orders' && <OrdersForm {...props} />}
      {action === 'mediation' && <MediationForm {...props} />}
      {action === 'tasks' && <TasksForm {...props} />}
    </Modal>
  );
}

type OrderLine = { serviceId: string; description: string; buildingId?: string };

function OrdersForm({ m, decision, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ orders: OrderLine[] }>();
  const showError = useShowError(form);
  const { orders } = useMeetingActions(m.id);
  const catalogue = useCatalogue();
  const submit = (v: { orders: OrderLine[] }) =>
    orders.mutate(
      { decisionId: decision.id, orders: v.orders.map((o) => ({ ...o, fields: {} })) },
      { onSuccess: onClose, onError: showError },
    );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ orders: [{ description: decision.text }] }}
      data-testid="decision-orders-form"
    >
      <Lines
        name="orders"
        addLabel={t('meetings.addOrder')}
        blank={{ description: decision.text }}
        submit={{ label: t('meetings.submitOrders'), pending: orders.isPending, testId: 'decision-orders-submit' }}
        line={(n) => (
          <div style={{ borderTop: n ? '1px dashed #ddd' : undefined, paddingTop: n ? 8 : 0 }}>
            <Form.Item name={[n, 'serviceId']} label={t('meetings.service')} rules={[{ required: true }]}>
              <ServicePicker catalogue={catalogue.data} loading={catalogue.isPending} />
            </Form.Item>
            <Form.Item name={[n, 'description']} label={t('meetings.orderDescription')} rules={[{ required: true, min: 5 }]}>
              <Input.TextArea rows={2} data-testid="decision-order-description" />
            </Form.Item>
            <Form.Item name={[n, 'buildingId']} label={t('meetings.building')}>
              <AreaSelect kinds={['building']} testId="decision-order-building" />
            </Form.Item>
          </div>
        )}
      />
    </Form>
  );
}

type CaseValues = { kind: DisputeKind; title: string; facts: string; applicant: string; respondent: string };

function MediationForm({ m, decision, onClose }: Props) {
  const { t, locale } = useI18n();
  const me = useSession();
  const [form] = Form.useForm<CaseValues>();
  const showError = useShowError(form);
  const { mediation } = useMeetingActions(m.id);
  const people = m.invitees.flatMap((i) => (i.residentId ? [{ value: i.residentId, label: i.name }] : []));
  const orgs = m.invitees.filter((i) => !i.residentId).map((i) => ({ value: `org:${i.name}`, label: i.name }));
  const party = (v: string, side: 'applicant' | 'respondent') =>
    v.startsWith('org:') ? { kind: 'org' as const, name: v.slice(4), side } : { kind: 'resident' as const, residentId: v, side };
  const submit = (v: CaseValues) =>
    mediation.mutate(
      {
        decisionId: decision.id,
        kind: v.kind,
        title: v.title,
        facts: v.facts,
        parties: [party(v.applicant, 'applicant'), party(v.respondent, 'respondent')],
        mediatorIds: [me.user.id],
      },
      { onSuccess: onClose, onError: showError },
    );
  const partyOptions = [...people, ...orgs];
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'parking', facts: decision.text }}>
      <Form.Item name="kind" label={t('meetings.disputeKind')} rules={[{ required: true }]}>
        <Select options={DisputeKind.options.map((k) => ({ value: k, label: DISPUTE_KIND_LABELS[k][locale] }))} />
      </Form.Item>
      <Form.Item name="title" label={t('meetings.caseTitle')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="facts" label={t('meetings.facts')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="applicant" label={t('meetings.applicant')} rules={[{ required: true }]}>
        <Select options={partyOptions} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="respondent" label={t('meetings.respondent')} rules={[{ required: true }]}>
        <Select options={partyOptions} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <p>{t('meetings.mediator', { name: me.user.displayName })}</p>
      <Button type="primary" htmlType="submit" loading={mediation.isPending}>
        {t('meetings.openCase')}
      </Button>
    </Form>
  );
}

type TaskLine = { title: string; assignee: string; dueOn: Dayjs };

function TasksForm({ m, decision, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ tasks: TaskLine[] }>();
  const showError = useShowError(form);
  const { tasks } = useMeetingActions(m.id);
  const submit = ({ tasks: lines }: { tasks: TaskLine[] }) => {
    const list = lines.map((x) => ({ title: x.title, assignee: x.assignee, dueOn: x.dueOn.format('YYYY-MM-DD') }));
    tasks.mutate({ decisionId: decision.id, tasks: list }, { onError: showError, onSuccess: onClose });
  };
  return (
    <Form layout="vertical" form={form} initialValues={{ tasks: [{}] }} onFinish={submit}>
      <Lines
        name="tasks"
        addLabel={t('meetings.addTask')}
        blank={{}}
        submit={{ label: t('meetings.submitTasks'), pending: tasks.isPending }}
        line={(n) => (
          <div style={{ display: 'grid', gap: 8, gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))' }}>
            <Form.Item name={[n, 'title']} label={t('meetings.task')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name={[n, 'assignee']} label={t('meetings.assignee')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name={[n, 'dueOn']} label={t('meetings.dueOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </div>
        )}
      />
    </Form>
  );
}

type LinesProps = {
  name: string;
  line: (n: number) => ReactNode;
  addLabel: string;
  blank: object;
  submit: { label: string; pending: boolean; testId?: string };
};

/** A growing list of lines (orders, tasks) with an "add another" button, then the form's submit button. */
function Lines({ name, line, addLabel, blank, submit }: LinesProps) {
  return (
    <>
      <Form.List name={name}>
        {(fields, { add }) => (
          <>
            {fields.map((f) => (
              <Fragment key={f.key}>{line(f.name)}</Fragment>
            ))}
            <Button type="dashed" onClick={() => add(blank)} style={{ marginBottom: 12 }}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
      <div>
        <Button type="primary" htmlType="submit" loading={submit.pending} data-testid={submit.testId}>
          {submit.label}
        </Button>
      </div>
    </>
  );
}
