import { SendOutlined } from '@ant-design/icons';
import type { AttachmentDto, ServiceDto } from '@linli/contracts';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { AttachmentThumbs } from '../orders/order-timeline';
import { describeFieldValue, expectedTime, toNewOrder, type DraftValues } from './order-draft';
import { useResidentPlace } from './resident-place';

type Props = {
  service: ServiceDto;
  values: DraftValues;
  photos: readonly AttachmentDto[];
  submitting: boolean;
  onSubmit: () => void;
};

/** Step 3: everything on one card, the resident's own address included, and one big send button. */
export function ConfirmStep({ service, values, photos, submitting, onSubmit }: Props) {
  const { t } = useI18n();
  const place = useResidentPlace();
  const input = toNewOrder(service, values, photos);
  const expect = expectedTime(service.timeLimits);
  const items = [
    {
      key: 'service',
      label: t('portal.new.service'),
      children: (
        <>
          {service.name} {service.emergency && <Tag color="red">{t('orders.emergency')}</Tag>}
        </>
      ),
    },
    {
      key: 'description',
      label: t('portal.new.description'),
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{input.description}</span>,
    },
    ...service.fields
      .filter((f) => input.fields?.[f.code] !== undefined)
      .map((f) => ({ key: f.code, label: f.label, children: describeFieldValue(f, input.fields![f.code]!) })),
    ...(photos.length
      ? [
          {
            key: 'photos',
            label: t('portal.new.photoCount', { n: photos.length }),
            children: <AttachmentThumbs items={photos} size={72} />,
          },
        ]
      : []),
    {
      key: 'place',
      label: t('portal.address'),
      children: <span data-testid="portal-confirm-place">{place ?? t('portal.addressUnknown')}</span>,
    },
    {
      key: 'expect',
      label: t('portal.new.expect'),
      children: (
        <Flex vertical>
          <span>{t(expect.key, { n: expect.n })}</span>
          <Typography.Text type="secondary">{t('portal.new.expectDispatch', { n: service.timeLimits.dispatchMinutes })}</Typography.Text>
        </Flex>
      ),
    },
  ];
  return (
    <>
      <Card title={t('portal.new.checkTitle')} size="small" data-testid="portal-confirm">
        <Descriptions column={1} layout="vertical" size="small" items={items} />
      </Card>
      <Button
        type="primary"
        block
        className="portal-big-button"
        icon={<SendOutlined />}
        loading={submitting}
        onClick={onSubmit}
        style={{ marginTop: 16 }}
        data-testid="portal-submit"
      >
        {t('portal.new.submit')}
      </Button>
    </>
  );
}
