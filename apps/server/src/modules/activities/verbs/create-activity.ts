import type { ActivityDto, ActivityInput } from '@linli/contracts';
import { manageableCommunity } from '../../volunteers/access.js';
import { randomInt } from 'node:crypto';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { findTeam } from '../../volunteers/repo.js';
import { ACTIVITY_MESSAGES as M } from '../messages.js';
import { presentActivity } from '../presenter.js';
import { areaCommunity, findActivity, insertActivity, signerProfile } from '../repo.js';

/** POST /api/activities: staff of the community publish an activity; its check-in code is made here. */
export async function createActivity({ ctx, input }: VerbArgs<ActivityInput>): Promise<ActivityDto> {
  const c = await manageableCommunity(ctx, input.communityId);
  const bad = (path: string, k: keyof typeof M) => invalid([{ path, message: M[k]()[ctx.locale] }]);
  if (new Date(input.endsAt) <= new Date(input.startsAt)) throw bad('endsAt', 'endBeforeStart');
  for (const key of ['teamId', 'audienceTeamId'] as const) {
    const id = input[key];
    if (id && (await findTeam(ctx.db, id))?.communityId !== c.id) throw bad(key, 'notInCommunity');
  }
  if (input.audienceAreaId && (await areaCommunity(ctx.db, input.audienceAreaId)) !== c.id) throw bad('audienceAreaId', 'notInCommunity');
  const id = await inTx(ctx, async (tctx) => {
    const newId = await insertActivity(tctx.tx, {
      kind: input.kind,
      title: input.title,
      organiser: input.organiser,
      organiserUserId: ctx.actor.userId,
      teamId: input.teamId ?? null,
      place: input.place,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      capacity: input.capacity,
      audienceAreaId: input.audienceAreaId ?? null,
      audienceTag: input.audienceTag ?? null,
      audienceTeamId: input.audienceTeamId ?? null,
      checkinCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      communityId: c.id,
      streetId: c.streetId!,
      districtId: c.districtId!,
    });
    await writeAudit(tctx, {
      action: 'activity.create',
      entityType: 'activity',
      entityId: newId,
      streetId: c.streetId,
      communityId: c.id,
      details: { kind: input.kind, capacity: input.capacity },
    });
    return newId;
  });
  return presentActivity(ctx.actor, (await findActivity(ctx.db, id))!, await signerProfile(ctx.db, ctx.actor), undefined);
}
