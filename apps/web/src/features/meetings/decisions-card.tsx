import { type DecisionDto, type MeetingDto, ORDER_STATUS_LABELS } from '@linli/contracts';
import { Button, Card, Checkbox, Flex, Form, Input, List, Progress, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { type ChartOption, EChart } from '../../components/echart';
import { useShowError } from '../../lib/form-errors';
import { DecisionModal, type DecisionAction } from './decision-forms';
import { useMeetingActions } from './meetings-api';

/** The decisions: each with what it became and its live progress, the forms turning it into action, and a chart. */
export function DecisionsCard({ m }: { m: MeetingDto }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text: string }>();
  const showError = useShowError(form);
  const { decide } = useMeetingActions(m.id);
  const [acting, setActing] = useState<{ decision: DecisionDto; action: DecisionAction } | null>(null);
  return (
    <Card size="small" title={t('meetings.decisions')}>
      <ProgressChart m={m} />
      <List
        size="small"
        locale={{ emptyText: t('meetings.noDecisions') }}
        dataSource={m.decisionList}
        renderItem={(d) => <DecisionItem m={m} d={d} onAct={(action) => setActing({ decision: d, action })} />}
      />
      {m.abilities.includes('decide') && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => decide.mutate(v.text, { onSuccess: () => form.resetFields(), onError: showError })}
          style={{ marginTop: 12 }}
        >
          <Form.Item name="text" label={t('meetings.decisionText')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="decision-text" />
          </Form.Item>
          <Button htmlType="submit" loading={decide.isPending} data-testid="decision-submit">
            {t('meetings.addDecision')}
          </Button>
        </Form>
      )}
      {acting && <DecisionModal m={m} decision={acting.decision} action={acting.action} onClose={() => setActing(null)} />}
    </Card>
  );
}

function DecisionItem({ m, d, onAct }: { m: MeetingDto; d: DecisionDto; onAct: (a: DecisionAction) => void }) {
  const { t, locale } = useI18n();
  const { tick } = useMeetingActions(m.id);
  const canTick = m.abilities.includes('tick');
  const open = d.outcome === null;
  return (
    <List.Item data-testid="meeting-decision">
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <span>
          {d.position}. {d.text}
        </span>
        {d.outcome && (
          <Flex align="center" gap={8} wrap>
            <Tag color="blue">{t(`meetings.outcome.${d.outcome}`)}</Tag>
            <Progress
              percent={d.progress.total ? Math.round((100 * d.progress.done) / d.progress.total) : 0}
              size="small"
              style={{ width: 160, margin: 0 }}
              format={() => t('meetings.progress', { done: d.progress.done, total: d.progress.total })}
            />
          </Flex>
        )}
        {d.orders.map((o) => (
          <Link key={o.id} to={`/orders/${o.id}`} data-testid="decision-order">
            {o.orderNo} · {ORDER_STATUS_LABELS[o.status][locale]}
          </Link>
        ))}
        {d.mediation && (
          <Link to={`/mediation/${d.mediation.id}`} data-testid="decision-case">
            {d.mediation.caseNo} · {t(`mediation.status.${d.mediation.status}`)}
          </Link>
        )}
        {d.tasks.map((task) => (
          <Checkbox
            key={task.id}
            checked={task.done}
            disabled={!canTick || tick.isPending}
            onChange={(e) => tick.mutate({ taskId: task.id, done: e.target.checked })}
            data-testid="decision-task"
          >
            {task.title} · {task.assignee} · {task.dueOn}
          </Checkbox>
        ))}
        {open && (
          <Flex gap={8} wrap>
            {m.abilities.includes('order') && (
              <Button size="small" type="primary" onClick={() => onAct('orders')} data-testid="decision-to-orders">
                {t('meetings.toOrders')}
              </Button>
            )}
            {m.abilities.includes('mediate') && (
              <Button size="small" onClick={() => onAct('mediation')} data-testid="decision-to-mediation">
                {t('meetings.toMediation')}
              </Button>
            )}
            {m.abilities.includes('decide') && (
              <Button size="small" onClick={() => onAct('tasks')} data-testid="decision-to-tasks">
                {t('meetings.toTasks')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
    </List.Item>
  );
}

/** Done and not yet per decision that became action, as stacked bars (a glance at what is still open). */
function ProgressChart({ m }: { m: MeetingDto }) {
  const { t } = useI18n();
  const acted = m.decisionList.filter((d) => d.progress.total > 0);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: acted.map((d) => `${d.position}`) },
      series: [
        { type: 'bar', stack: 'p', name: t('meetings.done'), data: acted.map((d) => d.progress.done), color: '#52c41a' },
        {
          type: 'bar',
          stack: 'p',
          name: t('meetings.remaining'),
          data: acted.map((d) => d.progress.total - d.progress.done),
          color: '#faad14',
        },
      ],
    }),
    [acted, t],
  );
  if (acted.length === 0) return null;
  return (
    <EChart
      option={option}
      label={t('meetings.progressChart')}
      height={Math.max(120, 40 + acted.length * 36)}
      testId="decision-progress-chart"
    />
  );
}
