import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { KpiSource } from '@linli/contracts';
import { Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { useRequiredRule } from '../../lib/use-form-save';

type ListProps = {
  name: string;
  title: string;
  add: string;
  blank: object;
  testId: string;
  row: (i: number) => ReactNode;
  extra?: ReactNode;
};

/** One editable list of the project form: rows of fields, each removable, and an add button. */
function EditableList({ name, title, add, blank, testId, row, extra }: ListProps) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Form.List name={name}>
        {(fields, ops, meta) => (
          <>
            {fields.map((f) => (
              <div key={f.key} className="project-form-row">
                {row(f.name)}
                <Button aria-label={t('projects.remove')} icon={<DeleteOutlined />} onClick={() => ops.remove(f.name)} />
              </div>
            ))}
            <div className="project-form-list-error">
              <Form.ErrorList errors={meta.errors} />
            </div>
            <Button icon={<PlusOutlined />} onClick={() => ops.add(blank)} data-testid={`${testId}-add`}>
              {add}
            </Button>
          </>
        )}
      </Form.List>
      {extra}
    </Card>
  );
}

export function MilestonesList() {
  const { t } = useI18n();
  const need = useRequiredRule();
  return (
    <EditableList
      name="milestones"
      title={t('projects.milestones')}
      add={t('projects.addMilestone')}
      blank={{ title: '', dueOn: '', note: '' }}
      testId="form-milestones"
      row={(i) => (
        <>
          <Form.Item name={[i, 'id']} hidden>
            <Input />
          </Form.Item>
          <Form.Item name={[i, 'title']} label={t('projects.milestoneTitle')} rules={[need, { max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name={[i, 'dueOn']} label={t('projects.dueOn')} rules={[need]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name={[i, 'note']} label={t('projects.note')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </>
      )}
    />
  );
}

export function KpisList() {
  const { t } = useI18n();
  const need = useRequiredRule();
  return (
    <EditableList
      name="kpis"
      title={t('projects.kpis')}
      add={t('projects.addKpi')}
      blank={{ name: '', unit: '', target: 1, source: 'manual' }}
      testId="form-kpis"
      extra={<Typography.Paragraph type="secondary">{t('projects.autoHint')}</Typography.Paragraph>}
      row={(i) => (
        <>
          <Form.Item name={[i, 'id']} hidden>
            <Input />
          </Form.Item>
          <Form.Item name={[i, 'name']} label={t('projects.kpiName')} rules={[need, { max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name={[i, 'unit']} label={t('projects.unit')} rules={[need, { max: 10 }]}>
            <Input style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name={[i, 'target']} label={t('projects.targetValue')} rules={[need]}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name={[i, 'source']} label={t('projects.kpiSource')} rules={[need]}>
            <Select style={{ minWidth: 160 }} options={KpiSource.options.map((s) => ({ value: s, label: t(`projects.source.${s}`) }))} />
          </Form.Item>
        </>
      )}
    />
  );
}

/** The scorecard's criteria with the live sum of the weights (the server refuses anything but 100). */
export function ScorecardList() {
  const { t } = useI18n();
  const need = useRequiredRule();
  const criteria = Form.useWatch<{ weight?: number }[] | undefined>('scorecard');
  const sum = (criteria ?? []).reduce((s, c) => s + (c?.weight ?? 0), 0);
  return (
    <EditableList
      name="scorecard"
      title={t('projects.scorecard')}
      add={t('projects.addCriterion')}
      blank={{ key: '', name: '', weight: 10 }}
      testId="form-scorecard"
      extra={
        <Typography.Text strong type={sum === 100 ? 'success' : 'danger'} data-testid="weight-sum">
          {t('projects.weightSum', { n: sum })}
        </Typography.Text>
      }
      row={(i) => (
        <>
          <Form.Item name={[i, 'key']} label={t('projects.criterionKey')} rules={[need, { pattern: /^[a-z][a-z0-9_]{0,29}$/ }]}>
            <Input style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name={[i, 'name']} label={t('projects.criterionName')} rules={[need, { max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name={[i, 'weight']} label={t('projects.weightLabel')} rules={[need]}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
        </>
      )}
    />
  );
}
