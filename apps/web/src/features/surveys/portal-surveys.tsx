import { StarOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Form, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { shortTime } from '../consultations/topic-status';
import { PortalFrame } from '../portal/portal-frame';
import { type AnswerValues, RatingFields, answerOf } from './rating-fields';
import { SurveyStatusTag } from './survey-status';
import { useAnswerSurvey, useSurvey, useSurveys } from './surveys-api';

/** /portal/surveys: the property surveys of the resident's compound, newest period first. */
export function PortalSurveysPage() {
  const { t } = useI18n();
  const list = useSurveys(1, 20);
  return (
    <PortalFrame title={t('survey.title')} back="/portal">
      {list.isLoading && <Spin />}
      {list.data?.items.length === 0 && <Empty description={t('survey.portalEmpty')} />}
      <Flex vertical gap={12}>
        {list.data?.items.map((s) => (
          <Link key={s.id} to={`/portal/surveys/${s.id}`} data-testid="portal-survey-card">
            <Card size="small" hoverable title={s.period} extra={<SurveyStatusTag survey={s} />}>
              <Typography.Paragraph strong style={{ margin: 0 }}>
                {s.title}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {s.myAnswer ? t('survey.answeredShort') : t('survey.closesOn', { at: shortTime(s.closesAt) })}
              </Typography.Text>
            </Card>
          </Link>
        ))}
      </Flex>
    </PortalFrame>
  );
}

/** /portal/surveys/:id: a resident rates the property service once for the household this period. */
export function PortalSurveyPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const survey = useSurvey(id);
  const answer = useAnswerSurvey(id);
  const [form] = Form.useForm<AnswerValues>();
  const showError = useShowError(form);
  const s = survey.data;
  const submit = (v: AnswerValues) =>
    answer.mutate({ ...answerOf(v), channel: 'online' }, { onSuccess: () => void message.success(t('survey.thanks')), onError: showError });
  return (
    <PortalFrame title={t('survey.title')} back="/portal/surveys">
      {!s ? (
        <Spin />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="portal-survey-title">
            {s.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {s.orgName} ·{' '}
            {t(s.status === 'upcoming' ? 'survey.opensOn' : 'survey.closesOn', {
              at: shortTime(s.status === 'upcoming' ? s.opensAt : s.closesAt),
            })}{' '}
            · {t('survey.oncePerPeriod')}
          </Typography.Text>
          {s.myAnswer && (
            <Alert
              type="success"
              showIcon
              data-testid="portal-survey-done"
              message={t('survey.answered', { at: shortTime(s.myAnswer.answeredAt), channel: t(`survey.channel.${s.myAnswer.channel}`) })}
            />
          )}
          {s.abilities.answer && (
            <Card size="small">
              <Form form={form} layout="vertical" onFinish={submit}>
                <RatingFields questions={s.questions} size={30} />
                <Button type="primary" size="large" block htmlType="submit" loading={answer.isPending} data-testid="portal-survey-submit">
                  {t('survey.submit')}
                </Button>
              </Form>
            </Card>
          )}
          {!s.abilities.answer && !s.myAnswer && <SurveyStatusTag survey={s} />}
        </Flex>
      )}
    </PortalFrame>
  );
}

/** The portal's way to the property surveys. */
export function PortalSurveysLink() {
  const { t } = useI18n();
  return (
    <Link to="/portal/surveys">
      <Button size="large" block icon={<StarOutlined />} style={{ marginTop: 16 }} data-testid="portal-surveys">
        {t('survey.portalLink')}
      </Button>
    </Link>
  );
}
