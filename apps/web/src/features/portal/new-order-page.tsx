import type { AttachmentDto, OrderDto, ServiceCategoryCode, ServiceDto } from '@linli/contracts';
import { Alert, Button, Flex, Form, Skeleton, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { isApiError } from '../../lib/api';
import { useShowError } from '../../lib/form-errors';
import { toFieldPath } from '../../lib/issues';
import { useCatalogue, usePlaceOrder } from '../orders/order-api';
import { ConfirmStep } from './confirm-step';
import { DescribeStep } from './describe-step';
import { toNewOrder, type DraftValues } from './order-draft';
import { PlacedResult } from './placed-result';
import { PortalFrame } from './portal-frame';
import { ServiceStep } from './service-step';

type Step = 1 | 2 | 3;

/** 我要点单 in three screens: choose the service, describe it (with photos), confirm; then the order number. */
export default function NewOrderPage() {
  const { t } = useI18n();
  const catalogue = useCatalogue();
  const place = usePlaceOrder();
  const [form] = Form.useForm<DraftValues>();
  const showError = useShowError(form);
  const [step, setStep] = useState<Step>(1);
  const [category, setCategory] = useState<ServiceCategoryCode | null>(null);
  const [service, setService] = useState<ServiceDto | null>(null);
  const [photos, setPhotos] = useState<AttachmentDto[]>([]);
  const [values, setValues] = useState<DraftValues>({});
  const [placed, setPlaced] = useState<OrderDto | null>(null);

  const handleService = (s: ServiceDto) => {
    if (s.id !== service?.id) form.resetFields();
    setService(s);
    setStep(2);
  };
  const handleNext = () =>
    form
      .validateFields()
      .then(() => {
        setValues(form.getFieldsValue(true) as DraftValues);
        setStep(3);
        window.scrollTo(0, 0);
      })
      .catch((err: { errorFields?: { name: (string | number)[] }[] }) => {
        const first = err.errorFields?.[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      });
  const handleSubmit = () => {
    if (!service) return;
    place.mutate(toNewOrder(service, values, photos), {
      onSuccess: (dto) => setPlaced(dto),
      onError: (err) => {
        const onForm = isApiError(err) ? err.issues.find((i) => i.path === 'description' || i.path.startsWith('fields.')) : undefined;
        showError(err);
        if (onForm) {
          setStep(2);
          // after the describe step is shown again
          setTimeout(() => form.scrollToField(toFieldPath(onForm.path), { block: 'center' }));
        }
      },
    });
  };
  const handleAnother = () => {
    place.resetKey();
    place.reset();
    form.resetFields();
    setPhotos([]);
    setValues({});
    setService(null);
    setCategory(null);
    setPlaced(null);
    setStep(1);
  };
  const handleBack = step > 1 && !placed ? () => setStep((step - 1) as Step) : undefined;

  if (placed)
    return (
      <PortalFrame title={t('portal.new.done')} back="/portal">
        <PlacedResult order={placed} onAnother={handleAnother} />
      </PortalFrame>
    );
  return (
    <PortalFrame title={t('portal.new.title')} back="/portal" onBack={handleBack}>
      <Typography.Text type="secondary" data-testid="portal-step" data-step={step}>
        {t('portal.new.step', { n: step })}
      </Typography.Text>
      <Steps
        size="small"
        className="portal-steps"
        titlePlacement="vertical"
        responsive={false}
        current={step - 1}
        items={[{ title: t('portal.new.step1') }, { title: t('portal.new.step2') }, { title: t('portal.new.step3') }]}
        style={{ margin: '8px 0 16px' }}
      />
      {catalogue.error && <Alert type="error" showIcon title={catalogue.error.message} />}
      {catalogue.isPending && <Skeleton active />}
      {catalogue.data && step === 1 && (
        <ServiceStep catalogue={catalogue.data} category={category} onCategory={setCategory} selected={service} onService={handleService} />
      )}
      {service && (
        // Kept mounted on step 3 so server field errors can land on the form when the resident comes back.
        <div hidden={step !== 2}>
          <DescribeStep form={form} service={service} photos={photos} onPhotos={setPhotos} />
          <Flex gap={12}>
            <Button size="large" style={{ flex: 1 }} onClick={() => setStep(1)}>
              {t('portal.new.prev')}
            </Button>
            <Button type="primary" size="large" style={{ flex: 2 }} onClick={() => void handleNext()} data-testid="portal-next">
              {t('portal.new.next')}
            </Button>
          </Flex>
        </div>
      )}
      {service && step === 3 && (
        <ConfirmStep service={service} values={values} photos={photos} submitting={place.isPending} onSubmit={handleSubmit} />
      )}
    </PortalFrame>
  );
}
