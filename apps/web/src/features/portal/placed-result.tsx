import { CheckCircleFilled } from '@ant-design/icons';
import type { OrderDto } from '@linli/contracts';
import { Button, Flex, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { ResidentClock } from './resident-clock';

/** After sending: the order number in big type, what happens next, and where to follow it. */
export function PlacedResult({ order, onAnother }: { order: OrderDto; onAnother: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      icon={<CheckCircleFilled style={{ color: '#389e0d' }} />}
      title={<span data-testid="portal-placed-no">{order.orderNo}</span>}
      subTitle={
        <Flex vertical gap={8} align="center" style={{ fontSize: '1em' }}>
          <span>{t('portal.new.doneHint', { no: order.orderNo })}</span>
          <ResidentClock clock={order.clock} />
        </Flex>
      }
      extra={
        <Flex vertical gap={12}>
          <Link to={`/portal/orders/${order.id}`}>
            <Button type="primary" size="large" block data-testid="portal-follow">
              {t('portal.new.follow')}
            </Button>
          </Link>
          <Link to="/portal">
            <Button size="large" block>
              {t('common.backHome')}
            </Button>
          </Link>
          <Button size="large" block onClick={onAnother}>
            {t('portal.new.another')}
          </Button>
        </Flex>
      }
    />
  );
}
