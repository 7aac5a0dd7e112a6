import { Form, Modal, type FormInstance, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n';

type Props<V> = {
  form: FormInstance<V>;
  title: ReactNode;
  /** called with the validated values when the OK button submits the form */
  onSave: (values: V) => void;
  onClose: () => void;
  saving: boolean;
  testId?: string;
  initialValues?: Partial<V>;
  /** the OK button's text; "Save" by default */
  okText?: string;
  okButtonProps?: ModalProps['okButtonProps'];
  width?: number;
  destroyOnHidden?: boolean;
  autoComplete?: string;
  /** for a modal that stays mounted while closed */
  open?: boolean;
  forceRender?: boolean;
  children: ReactNode;
};

/** A modal holding one vertical form: OK submits it, Cancel closes, OK spins while saving. */
export function FormModal<V>({ form, title, onSave, onClose, saving, testId, initialValues, okText, open = true, ...rest }: Props<V>) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      width={rest.width}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={rest.okButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden={rest.destroyOnHidden}
      forceRender={rest.forceRender}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onSave}
        autoComplete={rest.autoComplete}
        data-testid={testId}
      >
        {rest.children}
      </Form>
    </Modal>
  );
}
