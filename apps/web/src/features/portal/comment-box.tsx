import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input } from 'antd';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useComment } from '../orders/order-api';

type CommentForm = { text: string };

/** A message to the staff on the order; residents' comments are never internal. */
export function CommentBox({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CommentForm>();
  const showError = useShowError(form);
  const comment = useComment(orderId);
  const handleFinish = ({ text }: CommentForm) =>
    comment.mutate(
      { text: text.trim(), internal: false },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('portal.order.commentSent'));
        },
        onError: showError,
      },
    );
  return (
    <Card title={t('portal.order.comment')} size="small">
      <Form form={form} layout="vertical" size="large" onFinish={handleFinish}>
        <Form.Item
          name="text"
          rules={[{ required: true, whitespace: true, message: t('portal.new.required') }]}
          style={{ marginBottom: 12 }}
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('portal.order.commentPlaceholder')} data-testid="portal-comment" />
        </Form.Item>
        <Button
          type="primary"
          ghost
          size="large"
          block
          htmlType="submit"
          icon={<SendOutlined />}
          loading={comment.isPending}
          data-testid="portal-comment-send"
        >
          {t('portal.order.commentSend')}
        </Button>
      </Form>
    </Card>
  );
}
