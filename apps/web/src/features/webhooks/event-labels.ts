import { OrderEvent, type WebhookEventKind } from '@linli/contracts';
import type { MessageKey } from '../../app/i18n/translate';

/** The label key of an order event kind: moves are `orders.event.*`, the other timeline kinds `orders.kind.*`. */
export function eventKindLabel(kind: WebhookEventKind): MessageKey {
  return (OrderEvent.safeParse(kind).success ? `orders.event.${kind}` : `orders.kind.${kind}`) as MessageKey;
}
