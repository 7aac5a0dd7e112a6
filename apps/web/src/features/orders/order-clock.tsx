import { ClockCircleOutlined, PauseCircleOutlined, RiseOutlined, WarningOutlined } from '@ant-design/icons';
import type { OrderClock as OrderClockDto } from '@linli/contracts';
import { Flex, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n, type Translate } from '../../app/i18n';
import { clockView, type ClockTone, type DurationParts } from './clock-model';

const TONE_COLOR: Record<ClockTone, string> = { ok: 'green', soon: 'orange', overdue: 'red', paused: 'default', done: 'default' };
const ESCALATION_COLOR = { 1: 'gold', 2: 'volcano', 3: 'magenta' } as const;

/** The current time, ticking every `ms` (default 30 s) so countdowns move without a refetch. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function formatDuration(t: Translate, parts: DurationParts): string {
  const out: string[] = [];
  if (parts.days) out.push(t('orders.duration.days', { n: parts.days }));
  if (parts.hours) out.push(t('orders.duration.hours', { n: parts.hours }));
  if (parts.minutes) out.push(t('orders.duration.minutes', { n: parts.minutes }));
  return out.length ? out.join(' ') : t('orders.duration.lessThanMinute');
}

type Props = {
  clock: OrderClockDto;
  /** also print the deadline itself (detail header); tables show only the countdown */
  showDueAt?: boolean;
};

/**
 * The clock everyone sees (时限): the running stage with a countdown or "overdue by …" in colour,
 * the escalation badge (grid / community / street), or a paused tag while the order is suspended.
 */
export function OrderClock({ clock, showDueAt = false }: Props) {
  const { t } = useI18n();
  const now = useNow();
  const view = clockView(clock, now);
  if (view.tone === 'done') return <span data-testid="order-clock">{t('orders.clock.done')}</span>;
  const stage = view.stage ? t(`orders.stage.${view.stage}`) : '';
  const text =
    view.tone === 'paused'
      ? t('orders.clock.paused')
      : t(view.tone === 'overdue' ? 'orders.clock.overdue' : 'orders.clock.left', {
          stage,
          time: view.parts ? formatDuration(t, view.parts) : '',
        });
  const icon = view.tone === 'paused' ? <PauseCircleOutlined /> : view.tone === 'overdue' ? <WarningOutlined /> : <ClockCircleOutlined />;
  const dueAt = clock.dueAt ? dayjs(clock.dueAt).format('YYYY-MM-DD HH:mm') : null;
  const level = clock.escalationLevel;
  return (
    <Flex wrap gap={4} align="center" data-testid="order-clock" data-tone={view.tone}>
      <Tooltip title={dueAt ? t('orders.clock.dueAt', { stage, at: dueAt }) : undefined}>
        <Tag color={TONE_COLOR[view.tone]} icon={icon} style={{ marginInlineEnd: 0 }}>
          {text}
        </Tag>
      </Tooltip>
      {level > 0 && (
        <Tag
          color={ESCALATION_COLOR[level as 1 | 2 | 3]}
          icon={<RiseOutlined />}
          style={{ marginInlineEnd: 0 }}
          data-testid="order-escalation"
        >
          {t(`orders.escalation.${level as 1 | 2 | 3}`)}
        </Tag>
      )}
      {showDueAt && dueAt && view.tone !== 'paused' && (
        <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('orders.clock.dueAt', { stage, at: dueAt })}</span>
      )}
    </Flex>
  );
}
