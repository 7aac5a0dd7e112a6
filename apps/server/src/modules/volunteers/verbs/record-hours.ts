import type { HoursDto, HoursInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { creditHours } from '../credit.js';
import { VOLUNTEER_MESSAGES as M } from '../messages.js';
import { canManageVolunteers, canSeeVolunteer } from '../policy.js';
import { presentHours } from '../presenter.js';
import { findActivityBrief, findVolunteer, findVolunteerByUser } from '../repo.js';

/**
 * POST /api/volunteer-hours: "whoever organises records, whoever records certifies". Staff or the activity's
 * organiser record a volunteer's hours (verified at once); a volunteer reports their own (pending until checked).
 */
export async function recordHours({ ctx, input }: VerbArgs<HoursInput>): Promise<HoursDto> {
  const { actor } = ctx;
  const activity = input.activityId ? await findActivityBrief(ctx.db, input.activityId) : undefined;
  const isOrganiser = Boolean(activity && activity.organiserUserId === actor.userId);
  const v = input.volunteerId
    ? authorize(await findVolunteer(ctx.db, input.volunteerId), {
        see: (row) => canSeeVolunteer(actor, row) || (isOrganiser && row.communityId === activity!.communityId),
        act: (row) => canManageVolunteers(actor, row) || isOrganiser,
        entity: 'volunteer',
      })
    : await findVolunteerByUser(ctx.db, actor.userId);
  if (!v) throw invalid([{ path: 'volunteerId', message: M.notVolunteer()[ctx.locale] }]);
  if (input.activityId) authorize(activity, { see: (a) => a.communityId === v.communityId, entity: 'activity' });
  const certified = Boolean(input.volunteerId);
  return inTx(ctx, async (tctx) => {
    const row = await creditHours(tctx, {
      volunteer: v,
      source: certified ? 'organiser' : 'self',
      status: certified ? 'verified' : 'pending',
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      activityId: activity?.id ?? null,
      place: input.place ?? activity?.place ?? null,
      content: input.content,
      peopleServed: input.peopleServed,
      organiser: activity?.organiser ?? (certified ? actor.displayName : v.name),
      window: activity ? { startsAt: activity.startsAt, endsAt: activity.endsAt } : undefined,
    });
    await writeAudit(tctx, {
      action: 'volunteer_hours.record',
      entityType: 'volunteer_hours',
      entityId: row.id,
      streetId: v.streetId,
      communityId: v.communityId,
      details: { volunteerId: v.id, source: row.source, hours: row.hours, activityId: row.activityId },
    });
    return presentHours(row);
  });
}
