import { ActivityKind, ACTIVITY_KIND_LABELS, type ActivityInput } from '@linli/contracts';
import { Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useCreateActivity } from './api';

type Fields = Omit<ActivityInput, 'communityId' | 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string };
const local = (iso: string) => (iso ? new Date(iso).toISOString() : iso);

/** Publishing an activity: a dialog with the form (times as the browser's own date-time fields, easy on a phone). */
export function NewActivityButton({ communityId }: { communityId?: string }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Fields>();
  const create = useCreateActivity();
  const showError = useShowError(form);
  const submit = (v: Fields) =>
    create.mutate(
      { ...v, communityId: communityId ?? '', startsAt: local(v.startsAt), endsAt: local(v.endsAt) },
      {
        onSuccess: () => {
          setOpen(false);
          form.resetFields();
        },
        onError: showError,
      },
    );
  return (
    <>
      <Button type="primary" disabled={!communityId} onClick={() => setOpen(true)} data-testid="activity-new">
        {t('act.new')}
      </Button>
      <Modal
        open={open}
        title={t('act.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form<Fields>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ kind: 'volunteer_service', capacity: 20 }}
          data-testid="activity-form"
        >
          <Form.Item name="kind" label={t('act.kind')} rules={[{ required: true }]}>
            <Select options={ActivityKind.options.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k][locale] }))} />
          </Form.Item>
          <Form.Item name="title" label={t('act.titleField')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="organiser" label={t('act.organiser')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="place" label={t('act.place')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="startsAt" label={t('act.startsAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" data-testid="activity-starts" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('act.endsAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" data-testid="activity-ends" />
          </Form.Item>
          <Form.Item name="capacity" label={t('act.capacity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
