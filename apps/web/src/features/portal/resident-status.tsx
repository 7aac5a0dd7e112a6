import type { OrderStatus, TimelineEntry } from '@linli/contracts';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { OrderTimeline, type TimelineWords } from '../orders/order-timeline';
import { StatusTag } from '../orders/status-tag';
import { residentDetails } from './resident-details';
import { RESIDENT_ACTOR_WORDS, RESIDENT_EVENT_WORDS, RESIDENT_STATUS_WORDS, residentActor } from './resident-words';

/** An order's status in the resident's words (已收到，等待安排处理人 …), in the staff colours. */
export function ResidentStatusTag({ status }: { status: OrderStatus }) {
  const { locale } = useI18n();
  return <StatusTag status={status} label={RESIDENT_STATUS_WORDS[status][locale]} />;
}

/** The order's steps for its resident: what happened and who (您 / 处理人 / 社区服务站), no status codes. */
export function ResidentTimeline({ items }: { items: readonly TimelineEntry[] }) {
  const { locale } = useI18n();
  const me = useSession();
  const words: TimelineWords = {
    kind: (e) => RESIDENT_EVENT_WORDS[e.kind][locale],
    actor: (e) => RESIDENT_ACTOR_WORDS[residentActor(e, me.user.id)][locale],
    details: (e) => residentDetails(e, locale),
  };
  return <OrderTimeline items={items} words={words} />;
}
