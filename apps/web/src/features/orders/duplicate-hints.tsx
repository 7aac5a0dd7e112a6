import { Alert, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useDebounced } from '../../lib/use-debounced';
import { useDuplicates } from './order-api';
import { StatusTag } from './status-tag';

type Props = { serviceId?: string; description?: string; householdId?: string; buildingId?: string };

/** Open orders that look like the one being typed, asked for as the clerk types (debounced), each linked. */
export function DuplicateHints({ serviceId, description, householdId, buildingId }: Props) {
  const { t } = useI18n();
  const text = useDebounced((description ?? '').trim(), 600);
  const ready = Boolean(serviceId) && text.length >= 4 && Boolean(householdId || buildingId);
  const duplicates = useDuplicates(ready && serviceId ? { serviceId, description: text, householdId, buildingId } : null);
  const items = ready ? (duplicates.data ?? []) : [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="intake-duplicates"
      message={t('orders.intake.duplicates', { n: items.length })}
      description={
        <Flex vertical gap={6}>
          <Typography.Text type="secondary">{t('orders.intake.duplicatesHint')}</Typography.Text>
          {items.map((d) => (
            <Flex key={d.id} wrap gap={8} align="center">
              <Link to={`/orders/${d.id}`} target="_blank">
                {d.orderNo}
              </Link>
              <StatusTag status={d.status} />
              <Typography.Text ellipsis style={{ maxWidth: 360 }}>
                {d.description}
              </Typography.Text>
              <Typography.Text type="secondary">{d.place}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
