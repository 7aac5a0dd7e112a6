import { PhoneOutlined } from '@ant-design/icons';
import { RevealInput } from '@linli/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Skeleton, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { getHousehold, registryKeys, revealResident } from '../registry/registry-api';

type Values = { residentId: string; reason: string };
const REASON_MIN = RevealInput.shape.reason.minLength ?? 4;

/**
 * 查看电话: a phone of the household in full, for someone allowed to see it (a grid worker in their own grid),
 * with a reason the server records in the audit log. Shows only members whose phone may be revealed.
 */
export function PhoneReveal({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const [shown, setShown] = useState<{ name: string; phone: string | null } | null>(null);
  const household = useQuery({ queryKey: registryKeys.household(householdId), queryFn: () => getHousehold(householdId) });
  const members = (household.data?.members ?? []).filter((m) => m.status === 'active' && m.phone && m.abilities.canRevealPhone);
  const reveal = useMutation({
    mutationFn: (v: Values) => revealResident(v.residentId, { fields: ['phone'], reason: v.reason }),
    onSuccess: (dto, v) => setShown({ name: members.find((m) => m.id === v.residentId)?.name ?? '', phone: dto.phone ?? null }),
    onError: showError,
  });
  const anyPhone = (household.data?.members ?? []).some((m) => m.phone);
  return (
    <Modal
      open
      title={t('today.phoneTitle')}
      onCancel={onClose}
      okText={t('today.phoneShow')}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: members.length === 0, 'data-testid': 'reveal-submit' } as ButtonProps}
      footer={
        shown
          ? [
              <Button key="done" type="primary" onClick={onClose}>
                {t('today.done')}
              </Button>,
            ]
          : undefined
      }
      confirmLoading={reveal.isPending}
      destroyOnHidden
      data-testid="phone-reveal"
    >
      {household.isPending ? (
        <Skeleton active />
      ) : members.length === 0 ? (
        <Alert type="info" showIcon message={anyPhone ? t('today.phoneNotAllowed') : t('today.phoneNone')} />
      ) : shown ? (
        <Typography.Paragraph data-testid="revealed-phone">
          {shown.name}：
          <a href={`tel:${shown.phone ?? ''}`} className="today-phone">
            <PhoneOutlined /> {shown.phone}
          </a>
        </Typography.Paragraph>
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => reveal.mutate(v)} initialValues={{ residentId: members[0]?.id }}>
          <Form.Item name="residentId" label={t('today.phoneWho')} rules={[{ required: true }]}>
            <Select options={members.map((m) => ({ value: m.id, label: `${m.name} ${m.phone ?? ''}` }))} data-testid="reveal-who" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('today.phoneReason')}
            extra={t('today.phoneReasonHint')}
            rules={[{ required: true, min: REASON_MIN, whitespace: true, message: t('today.phoneReasonRequired') }]}
          >
            <Input maxLength={200} data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
