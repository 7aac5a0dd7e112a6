import type { VolunteerDto, VolunteerInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type AuthedCtx, type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid, isUniqueViolation } from '../../../core/errors.js';
import { type CommunityRef, findCommunity } from '../../care-tags/repo.js';
import { VOLUNTEER_MESSAGES as M } from '../messages.js';
import { canManageVolunteers, canSeeVolunteer, canSelfRegister, homeCommunities } from '../policy.js';
import { presentVolunteer } from '../presenter.js';
import { findResidentForVolunteer, findTeam, findVolunteer, insertVolunteer, starThresholds } from '../repo.js';

type Target = { communityId: string; streetId: string; districtId: string; residentId: string | null; name: string | null; self: boolean };

const inCommunity = (c: CommunityRef, self: boolean): Target => ({
  communityId: c.id,
  streetId: c.streetId!,
  districtId: c.districtId!,
  residentId: null,
  name: null,
  self,
});

/** Who is registered: a resident or a named person by staff of the scope, or the signed-in resident or volunteer themselves. */
async function targetOf(ctx: AuthedCtx, input: VolunteerInput): Promise<Target> {
  const { actor } = ctx;
  const residentId = input.residentId ?? (input.communityId ? undefined : (actor.residentId ?? undefined));
  if (residentId) {
    const r = authorize(await findResidentForVolunteer(ctx.db, residentId), {
      see: (row) => row.status === 'active' && (canSeeVolunteer(actor, { ...row, userId: null }) || row.id === actor.residentId),
      act: (row) => row.id === actor.residentId || canManageVolunteers(actor, row),
      entity: 'resident',
    });
    return { ...r, residentId: r.id, self: r.id === actor.residentId && !canManageVolunteers(actor, r) };
  }
  if (input.communityId) {
    const c = authorize(await findCommunity(ctx.db, input.communityId), {
      see: (row) => canSeeVolunteer(actor, { ...row, userId: null }) || canSelfRegister(actor, row.id),
      act: (row) => canManageVolunteers(actor, row) || canSelfRegister(actor, row.id),
      entity: 'community',
    });
    return inCommunity(c, !canManageVolunteers(actor, c));
  }
  requireAbility(actor, 'portal.use');
  const [home] = [...homeCommunities(actor)];
  const c = home ? await findCommunity(ctx.db, home) : undefined;
  if (!c) throw invalid([{ path: 'communityId', message: M.notInCommunity()[ctx.locale] }]);
  return inCommunity(c, true);
}

/** POST /api/volunteers: registers a volunteer (民政部 record rules: the minimum, and more only with consent). */
export async function registerVolunteer({ ctx, input }: VerbArgs<VolunteerInput>): Promise<VolunteerDto> {
  const t = await targetOf(ctx, input);
  const issue = (path: string, k: keyof typeof M) => invalid([{ path, message: M[k]()[ctx.locale] }]);
  const name = t.name ?? input.name ?? (t.self ? ctx.actor.displayName : null);
  if (!name) throw issue('name', 'nameRequired');
  const extra = input.skills.length > 0 || Boolean(input.availability) || Boolean(input.phone);
  if (extra && !input.consentExtra) throw issue('consentExtra', 'consentNeeded');
  if (input.teamId && (await findTeam(ctx.db, input.teamId))?.communityId !== t.communityId) throw issue('teamId', 'teamElsewhere');
  const id = await inTx(ctx, async (tctx) => {
    const newId = await insertVolunteer(tctx.tx, {
      residentId: t.residentId,
      userId: t.self ? ctx.actor.userId : null,
      name,
      phoneEnc: input.phone ? ctx.pii.encrypt(input.phone) : null,
      phoneTail: input.phone ? input.phone.slice(-4) : null,
      skills: input.skills,
      availability: input.availability ?? null,
      consentExtra: input.consentExtra,
      consentAt: input.consentExtra ? new Date() : null,
      teamId: input.teamId ?? null,
      registeredBy: t.self ? 'self' : 'staff',
      communityId: t.communityId,
      streetId: t.streetId,
      districtId: t.districtId,
    }).catch((e: unknown) => {
      if (isUniqueViolation(e)) throw conflict(M.alreadyRegistered()[ctx.locale]);
      throw e;
    });
    await writeAudit(tctx, {
      action: 'volunteer.register',
      entityType: 'volunteer',
      entityId: newId,
      streetId: t.streetId,
      communityId: t.communityId,
      details: { self: t.self, consentExtra: input.consentExtra, teamId: input.teamId ?? null },
    });
    return newId;
  });
  const row = (await findVolunteer(ctx.db, id))!;
  return presentVolunteer(ctx.actor, ctx.pii, row, await starThresholds(ctx.db, row.communityId));
}
