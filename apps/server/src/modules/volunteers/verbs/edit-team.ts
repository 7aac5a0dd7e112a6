import type { TeamDto, TeamInput, TeamUpdateInput } from '@linli/contracts';
import { manageableCommunity } from '../access.js';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type AuthedCtx, type TxCtx, type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid, isUniqueViolation } from '../../../core/errors.js';
import { VOLUNTEER_MESSAGES as M } from '../messages.js';
import { canManageVolunteers } from '../policy.js';
import { presentTeam } from '../presenter.js';
import { type TeamRow, findVolunteer } from '../repo.js';
import { insertTeam, lockTeam, teamSummary, updateTeamRow } from '../repo-teams.js';
import { canOn } from '../../../core/actor.js';

const taken = (ctx: AuthedCtx) => (e: unknown) => {
  if (isUniqueViolation(e)) throw conflict(M.teamNameTaken()[ctx.locale]);
  throw e;
};

/** A team the actor may edit, locked: 404 outside their volunteer scope, 403 when they only read it. */
export async function editableTeam(tctx: TxCtx, id: string): Promise<TeamRow> {
  return authorize(await lockTeam(tctx.tx, id), {
    see: (t) => canOn(tctx.actor, 'volunteers.read', t),
    act: (t) => canManageVolunteers(tctx.actor, t),
    entity: 'volunteer_team',
  });
}

export async function teamNow(ctx: AuthedCtx, id: string): Promise<TeamDto> {
  return presentTeam(ctx.actor, await teamSummary(ctx.db, id));
}

/** POST /api/volunteer-teams: volunteer staff of a community add a team (its roster and leader follow). */
export async function createTeam({ ctx, input }: VerbArgs<TeamInput>): Promise<TeamDto> {
  const c = await manageableCommunity(ctx, input.communityId);
  const id = await inTx(ctx, async (tctx) => {
    const team = await insertTeam(tctx.tx, {
      kind: input.kind,
      name: input.name,
      communityId: c.id,
      streetId: c.streetId!,
      districtId: c.districtId!,
    }).catch(taken(ctx));
    await writeAudit(tctx, {
      action: 'volunteer_team.create',
      entityType: 'volunteer_team',
      entityId: team.id,
      streetId: team.streetId,
      communityId: team.communityId,
      details: { kind: input.kind, name: input.name },
    });
    return team.id;
  });
  return teamNow(ctx, id);
}

/** PATCH /api/volunteer-teams/:id: rename a team or name its leader, who must be on its roster. */
export async function updateTeam({ ctx, input }: VerbArgs<TeamUpdateInput & { id: string }>): Promise<TeamDto> {
  requireAbility(ctx.actor, 'volunteers.write');
  const { id, ...fields } = input;
  await inTx(ctx, async (tctx) => {
    const team = await editableTeam(tctx, id);
    if (fields.leaderVolunteerId) {
      const v = await findVolunteer(tctx.tx, fields.leaderVolunteerId);
      if (v?.teamId !== team.id || v.status !== 'active')
        throw invalid([{ path: 'leaderVolunteerId', message: M.leaderNotMember()[ctx.locale] }]);
    }
    await updateTeamRow(tctx.tx, id, fields).catch(taken(ctx));
    await writeAudit(tctx, {
      action: 'volunteer_team.update',
      entityType: 'volunteer_team',
      entityId: id,
      streetId: team.streetId,
      communityId: team.communityId,
      details: { ...fields, fromLeader: team.leaderVolunteerId },
    });
  });
  return teamNow(ctx, id);
}
