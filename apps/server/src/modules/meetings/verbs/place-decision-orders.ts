import type { DecisionOrdersInput, MeetingDto } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { AppError, invalid } from '../../../core/errors.js';
import { placeOrder } from '../../orders/verbs/place-order.js';
import { type DecisionIds, actOnDecision } from '../decision-action.js';
import { MEETING_MESSAGES as M } from '../messages.js';
import { linkOrders, setDecisionOutcome } from '../repo.js';

/** Field issues of the orders module, pointed at the order of the form they came from. */
function located(e: unknown, index: number): unknown {
  if (!(e instanceof AppError) || e.code !== 'VALIDATION' || !e.details.issues) return e;
  return invalid(e.details.issues.map((i) => ({ ...i, path: `orders.${index}.${i.path}` })));
}

/**
 * POST /api/meetings/:id/decisions/:decisionId/orders: places each order through the orders module (channel
 * `meeting`, one idempotency key per decision and line, so a retry never orders twice) and links them; audited.
 */
export async function placeDecisionOrders({ ctx, input }: VerbArgs<DecisionOrdersInput & DecisionIds>): Promise<MeetingDto> {
  requireAbility(ctx.actor, 'orders.desk');
  return actOnDecision(
    ctx,
    input,
    'orders',
    async ({ meeting, decision }) => {
      const ids: string[] = [];
      for (const [i, o] of input.orders.entries()) {
        const meetingNote = M.orderNote(meeting.title, decision.text)[ctx.locale].slice(0, 500);
        try {
          const placed = await placeOrder({
            ctx,
            input: {
              serviceId: o.serviceId,
              description: o.description,
              fields: o.fields,
              attachmentIds: [],
              intake: { channel: 'meeting', communityId: meeting.communityId, buildingId: o.buildingId, meetingNote },
              idempotencyKey: `meeting-decision:${decision.id}:${i}`,
            },
          });
          ids.push(placed.order.id);
        } catch (e) {
          throw located(e, i);
        }
      }
      return ids;
    },
    async (tctx, { decision }, orderIds) => {
      await linkOrders(tctx.tx, decision.id, orderIds);
      await setDecisionOutcome(tctx.tx, decision.id, { outcome: 'orders', mediationCaseId: null });
      return { orders: orderIds.length };
    },
  );
}
