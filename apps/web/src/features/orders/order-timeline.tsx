import {
  ORDER_STATUS_LABELS,
  OrderOutcome,
  OrderRating,
  type AttachmentDto,
  type TimelineEntry,
  type TimelineKind,
} from '@linli/contracts';
import { Empty, Flex, Image, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { z } from 'zod';
import { useI18n } from '../../app/i18n';

const ALERT_KINDS: readonly TimelineKind[] = ['overdue', 'escalate', 'return', 'contest', 'reject_extension'];
const DONE_KINDS: readonly TimelineKind[] = ['handle', 'confirm', 'close'];
const Hours = z.number().int();
const NON_EVENT_KINDS = ['place', 'comment', 'reminder', 'overdue', 'escalate', 'absorb', 'attach'] as const;
type NonEventKind = (typeof NON_EVENT_KINDS)[number];
type TimelineKey = `orders.event.${Exclude<TimelineKind, NonEventKind>}` | `orders.kind.${NonEventKind}`;

/** The label key of a timeline entry: moves share the button words, the rest have their own. */
export function timelineKindKey(kind: TimelineKind): TimelineKey {
  return ((NON_EVENT_KINDS as readonly string[]).includes(kind) ? `orders.kind.${kind}` : `orders.event.${kind}`) as TimelineKey;
}

/** Plain hex colours: the theme's primary is red, so antd's 'blue' would make every step look alarming. */
function kindColor(kind: TimelineKind, internal: boolean): string {
  if (ALERT_KINDS.includes(kind)) return '#f5222d';
  if (DONE_KINDS.includes(kind)) return '#52c41a';
  if (kind === 'comment' || kind === 'reminder') return internal ? '#fa8c16' : '#8c8c8c';
  return '#1677ff';
}

/** Image thumbnails with a preview; other files as links. */
export function AttachmentThumbs({ items, size = 64 }: { items: readonly AttachmentDto[]; size?: number }) {
  if (items.length === 0) return null;
  const images = items.filter((a) => a.contentType.startsWith('image/'));
  const files = items.filter((a) => !a.contentType.startsWith('image/'));
  return (
    <Flex wrap gap={6} data-testid="attachment-thumbs">
      <Image.PreviewGroup>
        {images.map((a) => (
          <Image key={a.id} src={a.url} alt={a.name} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 4 }} />
        ))}
      </Image.PreviewGroup>
      {files.map((a) => (
        <a key={a.id} href={a.url} target="_blank" rel="noreferrer">
          {a.name}
        </a>
      ))}
    </Flex>
  );
}

function EntryDetails({ entry }: { entry: TimelineEntry }) {
  const { t } = useI18n();
  const rating = OrderRating.safeParse(entry.details.rating);
  const outcome = OrderOutcome.safeParse(entry.details.outcome);
  const hours = Hours.safeParse(entry.details.hours);
  const reasons = z.array(z.string()).safeParse(entry.details.reasons);
  const parts: string[] = [];
  if (rating.success) parts.push(t('orders.timelineRating', { rating: t(`orders.rating.${rating.data}`) }));
  if (reasons.success && reasons.data.length) parts.push(reasons.data.join('、'));
  if (outcome.success) parts.push(t('orders.timelineOutcome', { outcome: t(`orders.outcome.${outcome.data}`) }));
  if (hours.success && entry.kind === 'request_extension') parts.push(t('orders.timelineHours', { n: hours.data }));
  return parts.length ? <Typography.Text>{parts.join(' · ')}</Typography.Text> : null;
}

const ResidentDetailsText = ({ text }: { text: string | null }) => (text ? <Typography.Text>{text}</Typography.Text> : null);

/** Other words for the steps (the resident portal): what happened and who, with no status change shown. */
export type TimelineWords = {
  kind: (e: TimelineEntry) => string;
  actor: (e: TimelineEntry) => string;
  details: (e: TimelineEntry) => string | null;
};

/** Every event of an order, oldest first: who, when, the status change, the text, photos, and an internal badge. */
export function OrderTimeline({ items, words }: { items: readonly TimelineEntry[]; words?: TimelineWords }) {
  const { t, locale } = useI18n();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.timelineEmpty')} />;
  return (
    <Timeline
      data-testid="order-timeline"
      items={items.map((e) => ({
        key: e.id,
        color: kindColor(e.kind, e.internal),
        content: (
          <Flex vertical gap={4} data-testid="timeline-entry" data-kind={e.kind} data-internal={e.internal}>
            <Flex wrap gap={6} align="center">
              <Typography.Text strong>{words ? words.kind(e) : t(timelineKindKey(e.kind))}</Typography.Text>
              {e.internal && <Tag color="orange">{t('orders.internal')}</Tag>}
              {!words && e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                <Typography.Text type="secondary">
                  {ORDER_STATUS_LABELS[e.fromStatus][locale]} → {ORDER_STATUS_LABELS[e.toStatus][locale]}
                </Typography.Text>
              )}
            </Flex>
            <Typography.Text type="secondary">
              {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {words ? words.actor(e) : (e.actor?.name ?? t('orders.system'))}
            </Typography.Text>
            {e.text && <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{e.text}</Typography.Paragraph>}
            {words ? <ResidentDetailsText text={words.details(e)} /> : <EntryDetails entry={e} />}
            <AttachmentThumbs items={e.attachments} />
          </Flex>
        ),
      }))}
    />
  );
}
