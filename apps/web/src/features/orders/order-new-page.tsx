import type { ResidentSearchItem } from '@linli/contracts';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Radio, Row, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { CustomFields } from './custom-fields';
import { DuplicateHints } from './duplicate-hints';
import { toOrderInput, type IntakeValues } from './intake-model';
import { useCatalogue, usePlaceOrder } from './order-api';
import { PhotoUpload } from './photo-upload';
import { ResidentLookup } from './resident-lookup';
import { ServiceHint } from './service-hint';
import { findService, ServicePicker } from './service-picker';

/** 代客下单: the desk (phone call or walk-in) or a building leader / grid worker for a resident, with consent. */
export default function OrderNewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canDesk = useCan('orders.desk');
  const [form] = Form.useForm<IntakeValues>();
  const [resident, setResident] = useState<ResidentSearchItem | null>(null);
  const catalogue = useCatalogue();
  const place = usePlaceOrder();
  const showError = useShowError(form);
  const channel = Form.useWatch(['intake', 'channel'], form) ?? (canDesk ? 'desk' : 'proxy');
  const serviceId = Form.useWatch('serviceId', form);
  const description = Form.useWatch('description', form);
  const service = findService(catalogue.data, serviceId);

  const pickResident = (r: ResidentSearchItem | null) => {
    setResident(r);
    form.setFieldValue(['intake', 'householdId'], r?.householdId);
    form.setFieldValue(['intake', 'residentId'], r?.id);
    if (r && !form.getFieldValue(['intake', 'contactName'])) form.setFieldValue(['intake', 'contactName'], r.name);
  };
  const handleFinish = (values: IntakeValues) =>
    place.mutate(toOrderInput(values), {
      onSuccess: (order) => {
        void message.success(t('orders.intake.placed', { no: order.orderNo }));
        navigate(`/orders/${order.id}`);
      },
      onError: showError,
    });

  return (
    <>
      <PageTitle>{t('orders.intake.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('orders.intake.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ intake: { channel: canDesk ? 'desk' : 'proxy', via: 'phone' }, attachmentIds: [] }}
        data-testid="intake-form"
        scrollToFirstError
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('orders.intake.who')}>
              <Form.Item name={['intake', 'channel']} label={t('orders.intake.mode')} hidden={!canDesk}>
                <Radio.Group optionType="button" data-testid="intake-mode">
                  <Radio.Button value="desk">{t('orders.intake.mode.desk')}</Radio.Button>
                  <Radio.Button value="proxy">{t('orders.intake.mode.proxy')}</Radio.Button>
                </Radio.Group>
              </Form.Item>
              {channel === 'desk' && (
                <Form.Item name={['intake', 'via']} label={t('orders.intake.via')}>
                  <Radio.Group>
                    <Radio value="phone">{t('orders.intake.via.phone')}</Radio>
                    <Radio value="walk_in">{t('orders.intake.via.walk_in')}</Radio>
                  </Radio.Group>
                </Form.Item>
              )}
              <Form.Item
                name={['intake', 'householdId']}
                label={t('orders.intake.household')}
                required={channel === 'proxy'}
                rules={channel === 'proxy' ? [{ required: true, message: t('orders.intake.householdRequired') }] : []}
                extra={!resident && channel === 'desk' ? t('orders.intake.noHousehold') : undefined}
              >
                <ResidentLookupField onPick={pickResident} residentId={resident?.id} />
              </Form.Item>
              <Form.Item name={['intake', 'residentId']} hidden>
                <Input />
              </Form.Item>
              {channel === 'desk' ? (
                <>
                  <Form.Item
                    name={['intake', 'contactName']}
                    label={t('orders.intake.contactName')}
                    rules={[{ required: true, whitespace: true, message: t('orders.intake.contactNameRequired') }]}
                  >
                    <Input maxLength={40} data-testid="intake-contact-name" />
                  </Form.Item>
                  <Form.Item
                    name={['intake', 'contactPhone']}
                    label={t('orders.intake.contactPhone')}
                    rules={[
                      { required: true, whitespace: true, message: t('orders.intake.contactPhoneRequired') },
                      { pattern: /^[\d\s+-]{5,20}$/, message: t('orders.intake.contactPhoneInvalid') },
                    ]}
                    extra={resident?.phone ? t('orders.intake.contactPhoneHint', { phone: resident.phone }) : undefined}
                  >
                    <Input maxLength={20} inputMode="tel" data-testid="intake-contact-phone" />
                  </Form.Item>
                  {!resident && (
                    <Form.Item name={['intake', 'address']} label={t('orders.intake.address')}>
                      <Input maxLength={200} data-testid="intake-address" />
                    </Form.Item>
                  )}
                </>
              ) : (
                <>
                  <Form.Item
                    name={['intake', 'consent', 'method']}
                    label={t('orders.intake.consent')}
                    rules={[{ required: true, message: t('orders.intake.consentRequired') }]}
                  >
                    <Radio.Group data-testid="intake-consent">
                      {(['in_person', 'phone', 'written'] as const).map((m) => (
                        <Radio key={m} value={m}>
                          {t(`orders.consent.${m}`)}
                        </Radio>
                      ))}
                    </Radio.Group>
                  </Form.Item>
                  <Form.Item name={['intake', 'consent', 'note']} label={t('orders.intake.consentNote')}>
                    <Input maxLength={200} placeholder={t('orders.intake.consentNotePlaceholder')} />
                  </Form.Item>
                </>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('orders.intake.what')}>
              {catalogue.isError && <Alert type="error" showIcon message={catalogue.error.message} style={{ marginBottom: 12 }} />}
              <Form.Item
                name="serviceId"
                label={t('orders.intake.service')}
                rules={[{ required: true, message: t('orders.intake.serviceRequired') }]}
              >
                <ServicePicker catalogue={catalogue.data} loading={catalogue.isPending} />
              </Form.Item>
              {service && <ServiceHint service={service} />}
              <Form.Item
                name="description"
                label={t('orders.intake.description')}
                rules={[{ required: true, min: 5, whitespace: true, message: t('orders.intake.descriptionRequired') }]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={1000}
                  showCount
                  placeholder={t('orders.intake.descriptionPlaceholder')}
                  data-testid="intake-description"
                />
              </Form.Item>
              <DuplicateHints
                serviceId={serviceId}
                description={description}
                householdId={resident?.householdId}
                buildingId={resident?.address.buildingId ?? undefined}
              />
              {service && <CustomFields key={service.id} fields={service.fields} />}
              <Form.Item name="attachmentIds" label={t('orders.intake.photos')}>
                <PhotoUpload />
              </Form.Item>
              <Flex justify="end">
                <Button type="primary" htmlType="submit" size="large" loading={place.isPending} data-testid="intake-submit">
                  {t('orders.intake.submit')}
                </Button>
              </Flex>
            </Card>
          </Col>
        </Row>
      </Form>
    </>
  );
}

/** Form.Item passes value/onChange; the lookup reports the whole resident so the page can fill the rest. */
function ResidentLookupField({ residentId, onPick }: { residentId?: string; onPick: (r: ResidentSearchItem | null) => void }) {
  return <ResidentLookup value={residentId} onPick={onPick} />;
}
