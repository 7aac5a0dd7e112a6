import { DEFAULT_SURVEY_QUESTIONS } from '@linli/contracts';
import { DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { AreaSelect } from '../areas/area-select';
import { useOpenSurvey } from './surveys-api';

type Values = { compoundId: string; period: string; opensAt: Dayjs; closesAt: Dayjs; surveyWeight: number };

const quarterOf = (d: Dayjs) => `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
/** This quarter and the three before and after it. */
const PERIODS = [-3, -2, -1, 0, 1, 2, 3].map((n) => quarterOf(dayjs().add(n * 3, 'month')));

/** Opens a period's survey of a compound with the default questions (cleaning, security, greening, repairs, attitude, comments). */
export function OpenSurveyModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const open = useOpenSurvey();
  const submit = (v: Values) =>
    open.mutate(
      {
        compoundId: v.compoundId,
        period: v.period,
        opensAt: v.opensAt.toISOString(),
        closesAt: v.closesAt.toISOString(),
        surveyWeight: v.surveyWeight,
        questions: DEFAULT_SURVEY_QUESTIONS,
      },
      { onSuccess: (s) => navigate(`/surveys/${s.id}`), onError: showError },
    );
  return (
    <Modal open title={t('survey.open')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={open.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ period: quarterOf(dayjs()), opensAt: dayjs(), closesAt: dayjs().add(30, 'day'), surveyWeight: 70 }}
        onFinish={submit}
      >
        <Form.Item name="compoundId" label={t('survey.compound')} rules={[{ required: true }]}>
          <AreaSelect kinds={['compound']} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="period" label={t('survey.period')} rules={[{ required: true }]}>
          <Select options={PERIODS.map((p) => ({ value: p, label: p }))} data-testid="survey-open-period" />
        </Form.Item>
        <Form.Item name="opensAt" label={t('survey.opensAt')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="closesAt" label={t('survey.closesAt')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="surveyWeight" label={t('survey.surveyWeight')}>
          <InputNumber min={0} max={100} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
