import { PROGRAMME_KIND_LABELS, type ProgrammeDto, type UnservedDto, type UnservedOrderInput } from '@linli/contracts';
import { Form, Input, Radio } from 'antd';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { CustomFields } from '../orders/custom-fields';
import { useCatalogue } from '../orders/order-api';
import { findService, ServicePicker } from '../orders/service-picker';
import { orderForUnserved } from './programmes-api';

type Person = UnservedDto['items'][number];
type Props = { programme: ProgrammeDto; person: Person; onClose: () => void };

/** A grid worker turns the need of someone eligible but not served into a service order placed for them, with their consent. */
export function UnservedOrderModal({ programme, person, onClose }: Props) {
  const { t, locale } = useI18n();
  const required = useRequiredRule();
  const catalogue = useCatalogue();
  const { form, save } = useFormSave(
    (v: UnservedOrderInput) =>
      orderForUnserved(programme.id, person.residentId, {
        ...v,
        // empty custom fields are left out: the server checks the required ones
        fields: Object.fromEntries(Object.entries(v.fields ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== '')),
      }),
    async (order, { message, queryClient }) => {
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
      void message.success(t('orders.intake.placed', { no: order.orderNo }));
      onClose();
    },
  );
  const service = findService(catalogue.data, Form.useWatch('serviceId', form));
  const kind = PROGRAMME_KIND_LABELS[programme.kind][locale];
  return (
    <FormModal
      form={form}
      title={t('programmes.orderTitle', { name: person.name })}
      okText={t('programmes.order')}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId="unserved-order-form"
      initialValues={{
        description: t('programmes.orderDescription', { kind, name: programme.name, person: person.name }),
        consent: { method: 'in_person', note: '' },
        fields: {},
      }}
    >
      <Form.Item name="serviceId" label={t('orders.intake.service')} rules={[required]}>
        <ServicePicker catalogue={catalogue.data} loading={catalogue.isPending} />
      </Form.Item>
      <Form.Item name="description" label={t('orders.intake.description')} rules={[required, { min: 5 }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="unserved-order-description" />
      </Form.Item>
      {service && <CustomFields key={service.id} fields={service.fields} />}
      <Form.Item name={['consent', 'method']} label={t('orders.intake.consent')} rules={[required]}>
        <Radio.Group data-testid="unserved-order-consent">
          {(['in_person', 'phone', 'written'] as const).map((m) => (
            <Radio key={m} value={m}>
              {t(`orders.consent.${m}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name={['consent', 'note']} label={t('orders.intake.consentNote')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
