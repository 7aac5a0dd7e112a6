import type { BallotInput, VoteTopicDto } from '@linli/contracts';
import { App, Button, Card, Form, Radio, Select } from 'antd';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { ResidentPicker } from '../mediation/resident-picker';
import { useCastVote, useVoterParts } from './consultations-api';
import { FlatPicker } from './flat-picker';

type Values = { residentId: string; optionKey: string; channel: 'in_person' | 'paper'; flatId?: string };

/**
 * Staff record an in-person or paper vote for a resident; the household is counted once across channels. In an
 * owners' vote, a household owning several flats here votes per flat: the form asks which one.
 */
export function RecordVoteForm({ topic }: { topic: VoteTopicDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const cast = useCastVote(topic.id);
  const residentId = Form.useWatch('residentId', form);
  const parts = useVoterParts(topic.id, residentId, Boolean(topic.owners && residentId)).data?.items ?? [];
  const submit = (v: Values) =>
    cast.mutate(v satisfies BallotInput, {
      onSuccess: () => {
        form.resetFields(['residentId', 'optionKey', 'flatId']);
        void message.success(t('consult.save'));
      },
      onError: showError,
    });
  const handleValuesChange = (changed: Partial<Values>) => {
    if ('residentId' in changed) form.setFieldValue('flatId', undefined);
  };
  return (
    <Card size="small" title={t('consult.record')} data-testid="consult-record">
      <Form form={form} layout="vertical" initialValues={{ channel: 'paper' }} onFinish={submit} onValuesChange={handleValuesChange}>
        <Form.Item name="residentId" label={t('consult.voter')} rules={[{ required: true }]}>
          <ResidentPicker testId="consult-voter" />
        </Form.Item>
        {parts.length > 1 && (
          <Form.Item
            name="flatId"
            label={t('consult.flat')}
            extra={t('consult.flatHint', { n: parts.length })}
            rules={[{ required: true }]}
          >
            <FlatPicker parts={parts} testId="consult-flat" />
          </Form.Item>
        )}
        <Form.Item name="optionKey" label={t('consult.option')} rules={[{ required: true }]}>
          <Select options={topic.options.map((o) => ({ value: o.key, label: o.label }))} data-testid="consult-option" />
        </Form.Item>
        <Form.Item name="channel" label={t('consult.channel')}>
          <Radio.Group
            options={[
              { value: 'paper', label: t('consult.channel.paper') },
              { value: 'in_person', label: t('consult.channel.in_person') },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={cast.isPending} data-testid="consult-record-save">
          {t('consult.save')}
        </Button>
      </Form>
    </Card>
  );
}
