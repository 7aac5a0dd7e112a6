import type { PendingHoursItem } from '@linli/contracts';
import { Alert, Button, Empty, Flex, Form, Input, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useShowError } from '../../lib/form-errors';
import { useCommunityParam } from '../party/community-picker';
import { usePendingHours, useVerifyHours } from './api';
import { CommunityTitle } from './community-title';

function RejectModal({ item, onClose }: { item: PendingHoursItem; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const verify = useVerifyHours();
  const showError = useShowError(form);
  return (
    <FormModal
      form={form}
      title={`${t('hours.reject')} · ${item.volunteerName}`}
      saving={verify.isPending}
      onClose={onClose}
      okText={t('hours.reject')}
      testId="hours-reject-form"
      onSave={(v) => verify.mutate({ id: item.id, approve: false, reason: v.reason.trim() }, { onSuccess: onClose, onError: showError })}
    >
      <Form.Item name="reason" label={t('hours.reason')} rules={[{ required: true, whitespace: true, min: 2 }]}>
        <Input.TextArea rows={2} maxLength={200} data-testid="hours-reject-reason" />
      </Form.Item>
    </FormModal>
  );
}

/** /volunteering/hours: self-reported hours waiting for staff, accepted or sent back with a reason the volunteer sees. */
export default function PendingHoursPage() {
  const { t } = useI18n();
  const [communityId, setCommunityId] = useCommunityParam();
  const pending = usePendingHours(communityId);
  const verify = useVerifyHours();
  const [rejecting, setRejecting] = useState<PendingHoursItem | null>(null);
  return (
    <>
      <CommunityTitle title={t('hours.title')} communityId={communityId} onCommunity={setCommunityId} />
      {(pending.error ?? verify.error) && <Alert type="error" showIcon title={(pending.error ?? verify.error)!.message} />}
      <Table<PendingHoursItem>
        rowKey="id"
        size="small"
        loading={pending.isPending}
        dataSource={pending.data?.items}
        scroll={{ x: 640 }}
        pagination={false}
        locale={{ emptyText: <Empty description={t('hours.none')} /> }}
        data-testid="pending-hours"
        columns={[
          { title: t('hours.volunteer'), render: (_, h) => `${h.volunteerName}${h.teamName ? ` · ${h.teamName}` : ''}` },
          {
            title: t('hours.when'),
            render: (_, h) => `${dayjs(h.startsAt).format('YYYY-MM-DD HH:mm')}–${dayjs(h.endsAt).format('HH:mm')}`,
          },
          { title: t('hours.content'), dataIndex: 'content' },
          { title: t('hours.hours'), dataIndex: 'hours' },
          {
            title: '',
            render: (_, h) => (
              <Flex gap={8}>
                <Button
                  size="small"
                  type="primary"
                  loading={verify.isPending && verify.variables.id === h.id}
                  onClick={() => verify.mutate({ id: h.id, approve: true })}
                  data-testid={`hours-approve-${h.id}`}
                >
                  {t('hours.approve')}
                </Button>
                <Button size="small" danger onClick={() => setRejecting(h)} data-testid={`hours-reject-${h.id}`}>
                  {t('hours.reject')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      {rejecting && <RejectModal item={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );
}
