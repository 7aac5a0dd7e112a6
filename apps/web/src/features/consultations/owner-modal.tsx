import { App, Form, InputNumber, Modal, Switch } from 'antd';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { ResidentPicker } from '../mediation/resident-picker';
import { useRecordOwner } from './consultations-api';

type Values = { residentId: string; floorAreaM2: number; owner: boolean };

/** Registers a resident's household as the owner of its flat, with the floor area an owners' vote weighs. */
export function OwnerModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const record = useRecordOwner();
  const submit = (v: Values) =>
    record.mutate(v, {
      onSuccess: () => {
        void message.success(t('consult.owner.saved'));
        onClose();
      },
      onError: showError,
    });
  return (
    <Modal open title={t('consult.owner.title')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={record.isPending}>
      <Form form={form} layout="vertical" initialValues={{ owner: true }} onFinish={submit}>
        <Form.Item name="residentId" label={t('consult.owner.resident')} rules={[{ required: true }]}>
          <ResidentPicker testId="owner-resident" />
        </Form.Item>
        <Form.Item name="floorAreaM2" label={t('consult.owners.area') + ' (m²)'} rules={[{ required: true }]}>
          <InputNumber min={5} max={2000} step={0.01} precision={2} style={{ width: '100%' }} data-testid="owner-area" />
        </Form.Item>
        <Form.Item name="owner" label={t('consult.owner.isOwner')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
