import { Alert, Button, Card, Flex, Radio, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { PortalFrame } from '../portal/portal-frame';
import { useCastVote, useTopic, useVoterParts } from './consultations-api';
import { FlatPicker } from './flat-picker';
import { OwnersTurnout } from './owners-turnout';
import { TallyChart } from './tally-chart';
import { shortTime } from './topic-status';

/** /portal/votes/:id: a resident reads the topic and votes once for the household; results show once published. */
export function PortalVotePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const topic = useTopic(id);
  const cast = useCastVote(id);
  const showError = useShowError();
  const [choice, setChoice] = useState<string>();
  const [flatId, setFlatId] = useState<string>();
  const c = topic.data;
  // owners' votes: an owner of several flats here votes for each flat in turn
  const parts = useVoterParts(id, undefined, Boolean(c?.owners && c.abilities.vote)).data?.items ?? [];
  const needsFlat = parts.length > 1;
  const vote = () =>
    choice &&
    cast.mutate(
      { optionKey: choice, channel: 'online', flatId: needsFlat ? flatId : undefined },
      { onError: showError, onSuccess: () => setFlatId(undefined) },
    );
  const label = (key: string) => c?.options.find((o) => o.key === key)?.label ?? key;
  return (
    <PortalFrame title={t('consult.title')} back="/portal/votes">
      {!c ? (
        <Spin />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="portal-vote-title">
            {c.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {c.areaName} · {t('consult.closesOn', { at: shortTime(c.closesAt) })} ·{' '}
            {t(c.owners ? 'consult.perFlat' : 'consult.perHousehold')}
          </Typography.Text>
          {c.description && <Typography.Paragraph style={{ margin: 0 }}>{c.description}</Typography.Paragraph>}
          {c.myVote && (
            <Alert
              type="success"
              showIcon
              data-testid="portal-vote-done"
              message={t('consult.voted', { option: label(c.myVote.optionKey), channel: t(`consult.channel.${c.myVote.channel}`) })}
            />
          )}
          {c.abilities.vote && (
            <Card size="small">
              {needsFlat && (
                <Flex vertical gap={4} style={{ marginBottom: 16 }}>
                  <Typography.Text strong>{t('consult.flat')}</Typography.Text>
                  <FlatPicker parts={parts} value={flatId} onChange={setFlatId} size="large" testId="portal-vote-flat" />
                  <Typography.Text type="secondary">{t('consult.flatHint', { n: parts.length })}</Typography.Text>
                </Flex>
              )}
              <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as string)} style={{ width: '100%' }}>
                <Flex vertical gap={12}>
                  {c.options.map((o) => (
                    <Radio key={o.key} value={o.key} style={{ fontSize: 16 }} data-testid={`portal-vote-option-${o.key}`}>
                      {o.label}
                    </Radio>
                  ))}
                </Flex>
              </Radio.Group>
              <Button
                type="primary"
                size="large"
                block
                disabled={!choice || (needsFlat && !flatId)}
                loading={cast.isPending}
                style={{ marginTop: 16 }}
                onClick={vote}
                data-testid="portal-vote-submit"
              >
                {t('consult.vote')}
              </Button>
            </Card>
          )}
          {c.owners && <OwnersTurnout topic={{ ...c, owners: c.owners }} />}
          {c.tally ? (
            <Card size="small" title={t('consult.tally')}>
              <TallyChart topic={c} />
              {c.publishedAt && (
                <div style={{ marginBottom: 8 }}>
                  <Tag color={c.winner ? 'green' : 'default'} data-testid="portal-vote-result">
                    {c.winner ? t('consult.winner', { option: label(c.winner) }) : t('consult.noWinner')}
                  </Tag>
                </div>
              )}
              <Typography.Text>
                {t('consult.turnout', { voted: c.votedCount, eligible: c.eligibleCount, quorum: c.quorum })}
              </Typography.Text>
            </Card>
          ) : (
            <Typography.Text type="secondary">{t('consult.resultPending')}</Typography.Text>
          )}
        </Flex>
      )}
    </PortalFrame>
  );
}
