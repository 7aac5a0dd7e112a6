import type { OrderEvent } from '@linli/contracts';
import { Button, Empty, Flex } from 'antd';
import { useI18n } from '../../app/i18n';

const PRIMARY: readonly OrderEvent[] = ['dispatch', 'accept', 'start', 'handle', 'confirm', 'close', 'approve_extension', 'resume'];
const DANGER: readonly OrderEvent[] = ['withdraw', 'return', 'contest', 'reject_extension'];

/** One button per move the server says the user may make now (abilities.events), forward moves first. */
export function OrderActions({ events, onPick }: { events: readonly OrderEvent[]; onPick: (e: OrderEvent) => void }) {
  const { t } = useI18n();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.detail.noActions')} />;
  const ordered = [...events.filter((e) => PRIMARY.includes(e)), ...events.filter((e) => !PRIMARY.includes(e))];
  return (
    <Flex wrap gap={8} data-testid="order-actions">
      {ordered.map((e) => (
        <Button
          key={e}
          type={PRIMARY.includes(e) ? 'primary' : 'default'}
          danger={DANGER.includes(e)}
          onClick={() => onPick(e)}
          data-testid={`action-${e}`}
        >
          {t(`orders.event.${e}`)}
        </Button>
      ))}
    </Flex>
  );
}
