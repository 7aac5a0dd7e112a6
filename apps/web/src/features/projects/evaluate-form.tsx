import { type ProjectDto, weightedScore } from '@linli/contracts';
import { Button, Form, Input, InputNumber, Popconfirm, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useProjectActions } from './projects-api';

type Values = { scores: Record<string, number | null>; comments: Record<string, string>; comment: string };

/** The evaluator's scorecard: a 0–100 score and a comment per criterion, the weighted score as they type, one submit. */
export function EvaluateForm({ p }: { p: ProjectDto }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const { evaluate } = useProjectActions(p.id);
  const scores = Form.useWatch('scores', form) ?? {};
  const total = weightedScore(p.scorecard, Object.fromEntries(p.scorecard.map((c) => [c.key, scores[c.key] ?? 0])));
  const submit = () =>
    form.validateFields().then((v) =>
      evaluate.mutate(
        {
          scores: p.scorecard.map((c) => ({ key: c.key, score: v.scores[c.key] ?? 0, comment: v.comments?.[c.key] ?? '' })),
          comment: v.comment ?? '',
        },
        { onError: showError },
      ),
    );
  return (
    <Form form={form} layout="vertical" data-testid="evaluate-form">
      <Typography.Title level={5}>{t('projects.evaluate')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('projects.evaluateHint')}</Typography.Paragraph>
      {p.scorecard.map((c) => (
        <Form.Item key={c.key} label={`${c.name}（${t('projects.weight', { n: c.weight })}）`} required style={{ marginBottom: 8 }}>
          <Form.Item name={['scores', c.key]} rules={[{ required: true }]} noStyle>
            <InputNumber min={0} max={100} precision={0} className="project-score-input" data-testid={`score-${c.key}`} />
          </Form.Item>
          <Form.Item name={['comments', c.key]} noStyle>
            <Input placeholder={t('projects.comment')} style={{ marginTop: 4 }} />
          </Form.Item>
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t('projects.overall')}>
        <Input.TextArea rows={2} data-testid="evaluation-comment" />
      </Form.Item>
      <Typography.Paragraph strong data-testid="weighted-total">
        {t('projects.weighted', { n: total })}
      </Typography.Paragraph>
      <Popconfirm title={t('projects.confirmSubmit')} onConfirm={() => void submit().catch(() => undefined)}>
        <Button type="primary" loading={evaluate.isPending} data-testid="evaluation-submit">
          {t('projects.submit')}
        </Button>
      </Popconfirm>
    </Form>
  );
}
