import { ChangePasswordInput, OkBody, PASSWORD_MIN_LENGTH } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { api } from '../../lib/api';
import { useShowError } from '../../lib/form-errors';
import { useI18n } from '../i18n';

type Values = ChangePasswordInput & { confirm: string };

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) => api.post('/api/me/password', { currentPassword, newPassword }, OkBody),
    onSuccess: () => {
      message.success(t('password.changed'));
      form.resetFields();
      onClose();
    },
    onError: showError,
  });
  return (
    <Modal
      open={open}
      title={t('session.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)} autoComplete="off">
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('login.required') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[{ required: true, min: PASSWORD_MIN_LENGTH, message: t('password.minLength', { n: PASSWORD_MIN_LENGTH }) }]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('login.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
