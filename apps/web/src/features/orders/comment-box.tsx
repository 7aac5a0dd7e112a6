import { App, Button, Checkbox, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useComment } from './order-api';
import { PhotoUpload } from './photo-upload';

type Values = { text: string; internal?: boolean; attachmentIds?: string[] };

/** A comment on an order, with photos; staff who may can keep it internal (never shown to the resident). */
export function CommentBox({ orderId, canInternal }: { orderId: string; canInternal: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [round, setRound] = useState(0);
  const comment = useComment(orderId);
  const showError = useShowError(form);
  const handleFinish = (v: Values) =>
    comment.mutate(
      { text: v.text, internal: canInternal && v.internal === true, attachmentIds: v.attachmentIds ?? [] },
      {
        onSuccess: () => {
          void message.success(t('orders.comment.sent'));
          form.resetFields();
          setRound((r) => r + 1);
        },
        onError: showError,
      },
    );
  return (
    <Form form={form} onFinish={handleFinish} layout="vertical" key={round} data-testid="comment-box">
      <Form.Item
        name="text"
        rules={[{ required: true, whitespace: true, message: t('orders.comment.required') }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('orders.comment.placeholder')} data-testid="comment-text" />
      </Form.Item>
      <Form.Item name="attachmentIds" style={{ marginBottom: 8 }}>
        <PhotoUpload />
      </Form.Item>
      <Flex justify="space-between" align="center" wrap gap={8}>
        {canInternal ? (
          <Form.Item name="internal" valuePropName="checked" noStyle>
            <Checkbox data-testid="comment-internal">{t('orders.comment.internal')}</Checkbox>
          </Form.Item>
        ) : (
          <span />
        )}
        <Button type="primary" htmlType="submit" loading={comment.isPending} data-testid="comment-send">
          {t('orders.comment.send')}
        </Button>
      </Flex>
    </Form>
  );
}
