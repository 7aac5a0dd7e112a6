import { CLOSE_OUTCOMES, type OrderEvent, type OrderStatus } from '@linli/contracts';
import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { useI18n } from '../../app/i18n';
import { ConfirmFields } from './confirm-fields';
import { HandlerFields } from './handler-fields';
import { MergeFields } from './merge-fields';
import { PhotoUpload } from './photo-upload';

const REASON_REQUIRED: readonly OrderEvent[] = ['transfer', 'return', 'request_extension', 'reject_extension', 'suspend', 'contest'];
const NOTE_ONLY: readonly OrderEvent[] = ['dispatch', 'accept', 'start', 'approve_extension', 'resume', 'merge', 'close'];

/** A confirmed order was resolved in the resident's own words; other statuses leave the choice open. */
const defaultOutcome = (status: OrderStatus) => (status === 'confirmed' ? 'resolved' : undefined);

type Props = { orderId: string; status: OrderStatus; event: OrderEvent; isStaff: boolean };

/** The fields one move needs, named as OrderMoveInput names them so server field errors land on them. */
export function MoveFields({ orderId, status, event, isStaff }: Props) {
  const { t } = useI18n();
  const reasonRule = { required: true, min: 2, whitespace: true, message: t('orders.move.reasonRequired') };
  return (
    <>
      {(event === 'dispatch' || event === 'transfer') && <HandlerFields orderId={orderId} />}
      {event === 'merge' && <MergeFields orderId={orderId} />}
      {event === 'request_extension' && (
        <Form.Item name="hours" label={t('orders.move.hours')} rules={[{ required: true, message: t('orders.move.hoursRequired') }]}>
          <InputNumber min={1} max={720} precision={0} style={{ width: 160 }} data-testid="move-hours" />
        </Form.Item>
      )}
      {event === 'close' && (
        <Form.Item
          name="outcome"
          label={t('orders.move.outcome')}
          initialValue={defaultOutcome(status)}
          rules={[{ required: true, message: t('orders.move.outcomeRequired') }]}
        >
          <Select
            options={(CLOSE_OUTCOMES[status] ?? []).map((o) => ({ value: o, label: t(`orders.outcome.${o}`) }))}
            data-testid="move-outcome"
          />
        </Form.Item>
      )}
      {event === 'confirm' && (
        <>
          {isStaff && <Alert type="info" showIcon message={t('orders.move.returnVisitHint')} style={{ marginBottom: 12 }} />}
          <ConfirmFields commentLabel={isStaff ? t('orders.move.comment') : t('orders.move.note')} />
        </>
      )}
      {event === 'handle' && (
        <>
          <Form.Item
            name="note"
            label={t('orders.move.handleNote')}
            rules={[{ required: true, min: 2, whitespace: true, message: t('orders.move.handleNoteRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="move-note" />
          </Form.Item>
          <Form.Item name="attachmentIds" label={t('orders.move.photos')}>
            <PhotoUpload />
          </Form.Item>
        </>
      )}
      {REASON_REQUIRED.includes(event) && (
        <Form.Item name="reason" label={t('orders.move.reason')} rules={[reasonRule]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="move-reason" />
        </Form.Item>
      )}
      {event === 'withdraw' && (
        <Form.Item name="reason" label={t('orders.move.reason')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="move-reason" />
        </Form.Item>
      )}
      {NOTE_ONLY.includes(event) && (
        <Form.Item name="note" label={t('orders.move.note')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="move-note" />
        </Form.Item>
      )}
    </>
  );
}
