import { AlertOutlined, AudioOutlined } from '@ant-design/icons';
import type { AttachmentDto, ServiceDto } from '@linli/contracts';
import { Alert, Form, Input, type FormInstance } from 'antd';
import { useI18n } from '../../app/i18n';
import { DuplicateHint } from './duplicate-hint';
import { MIN_DESCRIPTION, type DraftValues } from './order-draft';
import { PhotoPicker } from './photo-picker';
import { ServiceFieldItem } from './service-field-item';

type Props = {
  form: FormInstance<DraftValues>;
  service: ServiceDto;
  photos: AttachmentDto[];
  onPhotos: (next: AttachmentDto[]) => void;
};

/** Step 2: what happened (a big box that suits voice input), the service's own questions, photos, look-alikes. */
export function DescribeStep({ form, service, photos, onPhotos }: Props) {
  const { t } = useI18n();
  const description = Form.useWatch('description', form) ?? '';
  return (
    <Form form={form} layout="vertical" size="large" requiredMark data-testid="portal-describe-form">
      {service.emergency && (
        <Alert type="error" showIcon icon={<AlertOutlined />} title={t('portal.new.emergencyHint')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="description"
        label={t('portal.new.describe')}
        extra={
          <>
            <AudioOutlined /> {t('portal.new.describeHint')}
          </>
        }
        required
        // Counted without the spaces around it, as the server counts.
        rules={[
          {
            validator: (_, v?: string) =>
              (v ?? '').trim().length >= MIN_DESCRIPTION ? Promise.resolve() : Promise.reject(new Error(t('portal.new.describeShort'))),
          },
        ]}
      >
        <Input.TextArea
          rows={5}
          maxLength={1000}
          placeholder={t('portal.new.describePlaceholder')}
          style={{ fontSize: '1.1em' }}
          data-testid="portal-description"
        />
      </Form.Item>
      <DuplicateHint serviceId={service.id} description={description} />
      {service.fields.map((f) => (
        <ServiceFieldItem key={f.code} field={f} />
      ))}
      <Form.Item>
        <PhotoPicker value={photos} onChange={onPhotos} />
      </Form.Item>
    </Form>
  );
}
