import type { TeamDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid, notFound } from '../../../core/errors.js';
import { VOLUNTEER_MESSAGES as M } from '../messages.js';
import { findVolunteer } from '../repo.js';
import { setVolunteerTeam } from '../repo-teams.js';
import { editableTeam, teamNow } from './edit-team.js';

type Args = VerbArgs<{ id: string; volunteerId: string }>;

/** POST /api/volunteer-teams/:id/members: puts a volunteer of the team's community on its roster (off any other team). */
export async function addTeamMember({ ctx, input }: Args): Promise<TeamDto> {
  requireAbility(ctx.actor, 'volunteers.write');
  await inTx(ctx, async (tctx) => {
    const team = await editableTeam(tctx, input.id);
    const v = await findVolunteer(tctx.tx, input.volunteerId);
    if (v?.communityId !== team.communityId || v.status !== 'active')
      throw invalid([{ path: 'volunteerId', message: M.notInTeamCommunity()[ctx.locale] }]);
    await setVolunteerTeam(tctx.tx, v.id, team.id);
    await writeAudit(tctx, {
      action: 'volunteer_team.add_member',
      entityType: 'volunteer_team',
      entityId: team.id,
      streetId: team.streetId,
      communityId: team.communityId,
      details: { volunteerId: v.id, fromTeamId: v.teamId },
    });
  });
  return teamNow(ctx, input.id);
}

/** DELETE /api/volunteer-teams/:id/members/:volunteerId: takes a volunteer off the roster (and off the lead). */
export async function removeTeamMember({ ctx, input }: Args): Promise<TeamDto> {
  requireAbility(ctx.actor, 'volunteers.write');
  await inTx(ctx, async (tctx) => {
    const team = await editableTeam(tctx, input.id);
    const v = await findVolunteer(tctx.tx, input.volunteerId);
    if (v?.teamId !== team.id) throw notFound('volunteer');
    await setVolunteerTeam(tctx.tx, v.id, null);
    await writeAudit(tctx, {
      action: 'volunteer_team.remove_member',
      entityType: 'volunteer_team',
      entityId: team.id,
      streetId: team.streetId,
      communityId: team.communityId,
      details: { volunteerId: v.id, wasLeader: team.leaderVolunteerId === v.id },
    });
  });
  return teamNow(ctx, input.id);
}
