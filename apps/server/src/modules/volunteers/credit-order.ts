import type { TxCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { creditHours } from './credit.js';
import { findVolunteerByUser } from './repo.js';

/** The parts of a closed order that earn its handler volunteer hours. */
export type ClosedOrder = {
  id: string;
  orderNo: string;
  category: string;
  description: string;
  handledBy: string | null;
  acceptedAt: Date | null;
  dispatchedAt: Date | null;
  handledAt: Date | null;
};

const HOUR = 3600_000;
/** A volunteer-service order counts at most this long (an order may sit accepted for days before the visit). */
const MAX_ORDER_HOURS = 4;

/**
 * A volunteer-service order closed as resolved credits its handler, when they are a registered volunteer, with the
 * time from acceptance to handling (at most 4 h). A record that would overlap one they have is left out.
 */
export async function creditOrderHours(tctx: TxCtx, order: ClosedOrder, outcome: string, now: Date): Promise<void> {
  if (order.category !== 'volunteer' || outcome !== 'resolved' || !order.handledBy) return;
  const volunteer = await findVolunteerByUser(tctx.tx, order.handledBy);
  if (!volunteer) return;
  const endsAt = order.handledAt ?? now;
  const from = (order.acceptedAt ?? order.dispatchedAt ?? new Date(endsAt.getTime() - HOUR)).getTime();
  const startsAt = new Date(Math.min(Math.max(from, endsAt.getTime() - MAX_ORDER_HOURS * HOUR), endsAt.getTime() - 6 * 60_000));
  try {
    await creditHours(tctx, {
      volunteer,
      source: 'order',
      status: 'verified',
      startsAt,
      endsAt,
      orderId: order.id,
      content: `${order.orderNo} ${order.description}`.slice(0, 500),
      peopleServed: 1,
      organiser: volunteer.teamName ?? '社区',
    });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
  }
}
