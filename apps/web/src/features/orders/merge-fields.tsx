import { Empty, Flex, Form, Radio, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useOrderDuplicates } from './order-api';
import { StatusTag } from './status-tag';

/** 并单: pick the earlier open order this one duplicates, from the server's candidates. */
export function MergeFields({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const duplicates = useOrderDuplicates(orderId);
  if (duplicates.isPending) return <Skeleton active />;
  const items = duplicates.data ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.move.noDuplicates')} />;
  return (
    <Form.Item name="intoOrderId" label={t('orders.move.into')} rules={[{ required: true, message: t('orders.move.intoRequired') }]}>
      <Radio.Group style={{ width: '100%' }} data-testid="merge-candidates">
        <Flex vertical gap={8}>
          {items.map((d) => (
            <Radio key={d.id} value={d.id} data-testid="merge-candidate">
              <Flex vertical gap={2}>
                <Flex wrap gap={6} align="center">
                  <Link to={`/orders/${d.id}`} target="_blank">
                    {d.orderNo}
                  </Link>
                  <StatusTag status={d.status} />
                  {d.sameBuilding && <Tag color="blue">{t('orders.move.sameBuilding')}</Tag>}
                  <Typography.Text type="secondary">{t('orders.move.similarity', { n: Math.round(d.similarity * 100) })}</Typography.Text>
                </Flex>
                <Typography.Text>{d.description}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.place} · {dayjs(d.placedAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </Flex>
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
    </Form.Item>
  );
}
