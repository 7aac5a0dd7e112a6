import type { HoursSource, HoursStatus } from '@linli/contracts';
import type { TxCtx } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { VOLUNTEER_MESSAGES as M } from './messages.js';
import { type HoursRow, clashingHours, insertHours, lockVolunteer } from './repo.js';

export type HoursRecord = {
  volunteer: { id: string; communityId: string; streetId: string; districtId: string };
  source: HoursSource;
  status: HoursStatus;
  startsAt: Date;
  endsAt: Date;
  activityId?: string | null;
  orderId?: string | null;
  place?: string | null;
  content: string;
  peopleServed?: number;
  organiser: string;
  /** the activity's own time, when the record belongs to one */
  window?: { startsAt: Date; endsAt: Date };
};

const DAY_MS = 24 * 3600 * 1000;

/**
 * 志愿服务记录: one service record, refused with the reason when it ends before it starts, runs over a day, lies in the
 * future or outside its activity, or overlaps or repeats a record the volunteer already has.
 */
export async function creditHours(tctx: TxCtx, r: HoursRecord): Promise<HoursRow> {
  const m = (k: keyof typeof M, path: string) => invalid([{ path, message: M[k]()[tctx.locale] }]);
  if (r.endsAt <= r.startsAt) throw m('endBeforeStart', 'endsAt');
  if (r.endsAt.getTime() - r.startsAt.getTime() > DAY_MS) throw m('tooLong', 'endsAt');
  if (r.endsAt.getTime() > Date.now() + 60_000) throw m('inFuture', 'endsAt');
  if (r.window && (r.startsAt < r.window.startsAt || r.endsAt > r.window.endsAt)) throw m('outsideActivity', 'startsAt');
  await lockVolunteer(tctx.tx, r.volunteer.id);
  const clash = await clashingHours(tctx.tx, r.volunteer.id, { startsAt: r.startsAt, endsAt: r.endsAt, activityId: r.activityId ?? null });
  if (clash) throw clash.activityId && clash.activityId === r.activityId ? m('duplicate', 'activityId') : m('overlapping', 'startsAt');
  const hours = Math.round(((r.endsAt.getTime() - r.startsAt.getTime()) / 3600_000) * 10) / 10;
  return insertHours(tctx.tx, {
    volunteerId: r.volunteer.id,
    activityId: r.activityId ?? null,
    orderId: r.orderId ?? null,
    source: r.source,
    status: r.status,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    hours: Math.max(hours, 0.1),
    place: r.place ?? null,
    content: r.content,
    peopleServed: r.peopleServed ?? 0,
    organiser: r.organiser,
    recordedBy: tctx.actor.userId,
    verifiedBy: r.status === 'verified' ? tctx.actor.userId : null,
    communityId: r.volunteer.communityId,
    streetId: r.volunteer.streetId,
    districtId: r.volunteer.districtId,
  });
}
