import { VoteChannel, type BallotDto, type VoteTopicDto } from '@linli/contracts';
import { Alert, Button, Card, Col, Descriptions, Row, Spin, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { useBallots, usePublishTopic, useTopic } from './consultations-api';
import { OwnersTurnout } from './owners-turnout';
import { RecordVoteForm } from './record-vote-form';
import { TallyChart } from './tally-chart';
import { TopicStatus, shortTime } from './topic-status';

/** /consultations/:id: turnout by channel, the tally as a chart, desk and paper votes, publication, the votes. */
export default function ConsultationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const topic = useTopic(id);
  const ballots = useBallots(id, Boolean(topic.data?.abilities.record || topic.data?.tally));
  const publish = usePublishTopic(id);
  const showError = useShowError();
  if (!topic.data) return <Spin />;
  const c = topic.data;
  const label = (key: string) => c.options.find((o) => o.key === key)?.label ?? key;
  const columns: TableColumnsType<BallotDto> = [
    { key: 'voter', title: t('consult.col.voter'), dataIndex: 'voterName', width: 90 },
    { key: 'address', title: t('consult.col.address'), dataIndex: 'address' },
    { key: 'option', title: t('consult.col.option'), render: (_, b) => label(b.optionKey) },
    { key: 'channel', title: t('consult.col.channel'), render: (_, b) => t(`consult.channel.${b.channel}`), width: 90 },
    { key: 'castAt', title: t('consult.col.castAt'), render: (_, b) => shortTime(b.castAt), width: 150 },
  ];
  return (
    <>
      <PageTitle
        extra={
          c.abilities.publish && (
            <Button
              type="primary"
              loading={publish.isPending}
              onClick={() => publish.mutate(undefined, { onError: showError })}
              data-testid="consult-publish"
            >
              {t('consult.publish')}
            </Button>
          )
        }
      >
        {c.title}
      </PageTitle>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('consult.col.area')}>{c.areaName}</Descriptions.Item>
        <Descriptions.Item label={t('consult.eligibility')}>{t(`consult.elig.${c.eligibility}`)}</Descriptions.Item>
        <Descriptions.Item label={t('consult.col.closes')}>
          {shortTime(c.closesAt)} <TopicStatus topic={c} />
        </Descriptions.Item>
      </Descriptions>
      {c.description && <Alert type="info" message={c.description} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          {c.owners ? <OwnersTurnout topic={{ ...c, owners: c.owners }} /> : <Turnout topic={c} />}
          {c.owners && (
            <Card size="small" style={{ marginTop: 16 }}>
              <ChannelSplit topic={c} />
            </Card>
          )}
          {c.tally && (
            <Card size="small" title={t('consult.tally')} style={{ marginTop: 16 }}>
              <TallyChart topic={c} />
              {c.status === 'closed' && (
                <Tag color={c.winner ? 'green' : 'default'} data-testid="consult-winner">
                  {c.winner ? t('consult.winner', { option: label(c.winner) }) : t('consult.noWinner')}
                </Tag>
              )}
            </Card>
          )}
        </Col>
        <Col xs={24} lg={8}>
          {c.abilities.record && <RecordVoteForm topic={c} />}
        </Col>
      </Row>
      {ballots.data && (
        <Card size="small" title={t('consult.ballots')} style={{ marginTop: 16 }}>
          <Table
            rowKey="id"
            size="small"
            scroll={{ x: 560 }}
            columns={columns}
            dataSource={ballots.data.items}
            data-testid="consult-ballots"
          />
        </Card>
      )}
    </>
  );
}

/** Households voted against the eligible set and the quorum, and the split by channel. */
function Turnout({ topic: c }: { topic: VoteTopicDto }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="consult-turnout">
      <p>{t('consult.turnout', { voted: c.votedCount, eligible: c.eligibleCount, quorum: c.quorum })}</p>
      <Tag color={c.quorumReached ? 'green' : 'orange'}>{c.quorumReached ? t('consult.quorumReached') : t('consult.quorumMissing')}</Tag>
      <ChannelSplit topic={c} />
    </Card>
  );
}

/** Votes by channel. */
function ChannelSplit({ topic: c }: { topic: VoteTopicDto }) {
  const { t } = useI18n();
  return (
    <Row gutter={16} style={{ marginTop: 12 }}>
      {VoteChannel.options.map((ch) => (
        <Col span={8} key={ch}>
          <Statistic title={t(`consult.channel.${ch}`)} value={c.byChannel[ch] ?? 0} />
        </Col>
      ))}
    </Row>
  );
}
