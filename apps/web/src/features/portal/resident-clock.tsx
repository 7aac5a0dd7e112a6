import { ClockCircleOutlined, PauseCircleOutlined, RiseOutlined, WarningOutlined } from '@ant-design/icons';
import type { OrderClock } from '@linli/contracts';
import { Flex, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { useNow } from '../orders/order-clock';
import { clockWords } from './clock-words';

const TONE_COLOR = { ok: '#237804', soon: '#ad4e00', overdue: '#cf1322', paused: 'rgba(0,0,0,0.55)', done: 'rgba(0,0,0,0.55)' };

/** The order's clock in one plain sentence ("预计 明天 18:00 前处理完成"), red when late, with who is chasing it; nothing once finished. */
export function ResidentClock({ clock }: { clock: OrderClock }) {
  const { t, locale } = useI18n();
  const words = clockWords(clock, locale, useNow());
  if (words.tone === 'done') return null;
  const icon = words.tone === 'overdue' ? <WarningOutlined /> : words.tone === 'paused' ? <PauseCircleOutlined /> : <ClockCircleOutlined />;
  return (
    <Flex vertical gap={2} data-testid="resident-clock" data-tone={words.tone}>
      <Typography.Text strong style={{ color: TONE_COLOR[words.tone] }}>
        {icon} {t(words.key, { at: words.at ?? '' })}
      </Typography.Text>
      {words.escalation > 0 && (
        <Typography.Text type="secondary" data-testid="resident-escalation">
          <RiseOutlined /> {t('portal.clock.escalated', { level: t(`portal.clock.level.${words.escalation as 1 | 2 | 3}`) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
