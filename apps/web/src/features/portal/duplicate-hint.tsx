import type { DuplicateQuery } from '@linli/contracts';
import { Alert, Flex, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { useDebounced } from '../../lib/use-debounced';
import { useDuplicates } from '../orders/order-api';
import { StatusTag } from '../orders/status-tag';
import { MIN_DESCRIPTION } from './order-draft';

/** "楼里已有类似的单子": open orders like this one in the resident's building; a hint only, never a block. */
export function DuplicateHint({ serviceId, description }: { serviceId: string; description: string }) {
  const { t } = useI18n();
  const text = useDebounced(description.trim(), 600);
  const query: DuplicateQuery | null = text.length >= MIN_DESCRIPTION ? { serviceId, description: text } : null;
  const { data } = useDuplicates(query);
  if (!query || !data || data.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="portal-duplicates"
      title={t('portal.new.duplicates')}
      description={
        <Flex vertical gap={6}>
          {data.slice(0, 3).map((d) => (
            <Flex key={d.id} gap={6} align="start" wrap>
              <StatusTag status={d.status} />
              <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                {d.description}
              </Typography.Text>
            </Flex>
          ))}
          <Typography.Text type="secondary">{t('portal.new.duplicatesHint')}</Typography.Text>
        </Flex>
      }
    />
  );
}
