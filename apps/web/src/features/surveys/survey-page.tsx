import type { SurveyDto } from '@linli/contracts';
import { App, Button, Card, Col, Descriptions, Empty, Form, List, Radio, Row, Spin, Statistic, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { EChart, type ChartOption } from '../../components/echart';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { ResidentPicker } from '../mediation/resident-picker';
import { shortTime } from '../consultations/topic-status';
import { type AnswerValues, RatingFields, answerOf } from './rating-fields';
import { SurveyStatusTag, percent, score } from './survey-status';
import { useAnswerSurvey, useSurvey } from './surveys-api';

/** /surveys/:id: the score and its two parts, the mean of each question, comments without names, paper answers. */
export default function SurveyPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const survey = useSurvey(id);
  const s = survey.data;
  if (!s) return <Spin />;
  return (
    <>
      <PageTitle>{s.title}</PageTitle>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('survey.compound')}>{s.compoundName}</Descriptions.Item>
        <Descriptions.Item label={t('survey.org')}>{s.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('survey.period')}>
          {s.period} <SurveyStatusTag survey={s} />
        </Descriptions.Item>
        <Descriptions.Item label={t('survey.opensAt')}>{shortTime(s.opensAt)}</Descriptions.Item>
        <Descriptions.Item label={t('survey.closesAt')}>{shortTime(s.closesAt)}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          {s.score && <ScoreCard survey={s} />}
          <Card size="small" title={t('survey.comments')} style={{ marginTop: 16 }}>
            {s.comments?.length ? (
              <List
                size="small"
                dataSource={s.comments}
                renderItem={(c) => (
                  <List.Item
                    extra={
                      <Typography.Text type="secondary">{`${t(`survey.channel.${c.channel}`)} · ${shortTime(c.answeredAt)}`}</Typography.Text>
                    }
                  >
                    {c.text}
                  </List.Item>
                )}
                data-testid="survey-comments"
              />
            ) : (
              <Empty description={t('survey.noComments')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          {s.abilities.record && <RecordAnswerForm survey={s} />}
        </Col>
      </Row>
    </>
  );
}

/** Combined score, its two parts and weights, and each question's mean as bars. */
function ScoreCard({ survey }: { survey: SurveyDto }) {
  const { t } = useI18n();
  const sc = survey.score!;
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 5 },
    yAxis: { type: 'category', data: sc.means.map((m) => m.label), inverse: true },
    series: [{ type: 'bar', data: sc.means.map((m) => m.mean), label: { show: true, position: 'right' }, barMaxWidth: 22 }],
  };
  return (
    <Card size="small" data-testid="survey-score">
      <Row gutter={16}>
        <Col xs={8}>
          <Statistic title={t('survey.combined')} value={score(sc.combined)} valueStyle={{ color: '#c0392b' }} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('survey.surveyScore')} value={score(sc.surveyScore)} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('survey.satisfaction')} value={percent(sc.satisfactionRate)} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('survey.weights', sc.weights)} · {t('survey.turnout', { answers: sc.answers, households: sc.households })} ·{' '}
        {t('survey.ordersPart', { satisfied: sc.ordersSatisfied, rated: sc.ordersRated })}
      </Typography.Paragraph>
      <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
        {t('survey.means')}
      </Typography.Text>
      <EChart option={option} label={t('survey.means')} height={Math.max(160, sc.means.length * 40)} testId="survey-means-chart" />
    </Card>
  );
}

type RecordValues = AnswerValues & { residentId: string; channel: 'paper' | 'in_person' };

/** Staff record a household's paper or in-person answer; the household answers once per period across channels. */
function RecordAnswerForm({ survey }: { survey: SurveyDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const showError = useShowError(form);
  const answer = useAnswerSurvey(survey.id);
  const submit = (v: RecordValues) =>
    answer.mutate(
      { ...answerOf(v), channel: v.channel, residentId: v.residentId },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('survey.saved'));
        },
        onError: showError,
      },
    );
  return (
    <Card size="small" title={t('survey.record')} data-testid="survey-record">
      <Form form={form} layout="vertical" initialValues={{ channel: 'paper' }} onFinish={submit}>
        <Form.Item name="residentId" label={t('survey.respondent')} rules={[{ required: true }]}>
          <ResidentPicker testId="survey-respondent" />
        </Form.Item>
        <Form.Item name="channel" label={t('survey.channel')}>
          <Radio.Group
            options={[
              { value: 'paper', label: t('survey.channel.paper') },
              { value: 'in_person', label: t('survey.channel.in_person') },
            ]}
          />
        </Form.Item>
        <RatingFields questions={survey.questions} size={18} />
        <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="survey-record-save">
          {t('survey.save')}
        </Button>
      </Form>
    </Card>
  );
}
