import type { ProjectDto } from '@linli/contracts';
import { Button, Card, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { EvaluateForm } from './evaluate-form';
import { useEvaluatorOptions, useProjectActions } from './projects-api';

/** 第三方评估: the scorecard, who is assigned, the submitted evaluations; the evaluator's form when it is their turn. */
export function EvaluationPanel({ p }: { p: ProjectDto }) {
  const { t } = useI18n();
  const { assign, unassign, reopen } = useProjectActions(p.id);
  const showError = useShowError();
  const canAssign = p.abilities.includes('assign');
  const options = useEvaluatorOptions(p.id, canAssign);
  const [chosen, setChosen] = useState<string | null>(null);
  const criterion = new Map(p.scorecard.map((c) => [c.key, c.name]));
  return (
    <Card size="small" title={t('projects.evaluation')} data-testid="evaluation-panel">
      <Typography.Paragraph>
        {t('projects.scorecard')}：{p.scorecard.map((c) => `${c.name}（${t('projects.weight', { n: c.weight })}）`).join('、')}
      </Typography.Paragraph>
      <Space wrap size={4} style={{ marginBottom: 8 }}>
        <span>{t('projects.assigned')}：</span>
        {p.assigned.map((u) => (
          <Tag
            key={u.id}
            color={u.submitted ? 'green' : 'default'}
            data-testid="assigned-evaluator"
            closable={canAssign && !u.submitted}
            closeIcon={canAssign && !u.submitted ? <span aria-label={t('projects.unassign')}>×</span> : undefined}
            onClose={(e) => {
              e.preventDefault();
              unassign.mutate(u.id, { onError: showError });
            }}
          >
            {u.name} · {u.submitted ? t('projects.submitted') : t('projects.notSubmitted')}
          </Tag>
        ))}
        {canAssign && (
          <Space.Compact size="small">
            <Select
              style={{ minWidth: 140 }}
              placeholder={t('projects.assign')}
              value={chosen}
              onChange={setChosen}
              options={options.data?.items
                .filter((o) => !p.assigned.some((a) => a.id === o.id))
                .map((o) => ({ value: o.id, label: o.name }))}
            />
            <Button
              disabled={!chosen}
              onClick={() => chosen && assign.mutate(chosen, { onError: showError, onSuccess: () => setChosen(null) })}
            >
              {t('projects.assign')}
            </Button>
          </Space.Compact>
        )}
      </Space>
      <List
        size="small"
        style={{ display: p.evaluations.length ? undefined : 'none' }}
        dataSource={p.evaluations}
        renderItem={(e) => (
          <List.Item
            data-testid="evaluation-row"
            actions={
              p.abilities.includes('reopen') && !e.supersededAt
                ? [
                    <Popconfirm key="r" title={t('projects.reopen')} onConfirm={() => reopen.mutate(e.id, { onError: showError })}>
                      <Button size="small">{t('projects.reopen')}</Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <strong>{e.evaluator.name}</strong>
                  <Tag color={e.supersededAt ? 'default' : 'blue'}>{t('projects.weighted', { n: e.total })}</Tag>
                  {e.supersededAt && <Tag>{t('projects.superseded')}</Tag>}
                  <Typography.Text type="secondary">{e.submittedAt.slice(0, 10)}</Typography.Text>
                </Space>
              }
              description={
                <>
                  {e.scores.map((s) => `${criterion.get(s.key) ?? s.key} ${s.score}`).join(' · ')}
                  {e.comment && <div>{e.comment}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
      {p.abilities.includes('evaluate') && <EvaluateForm p={p} />}
    </Card>
  );
}
