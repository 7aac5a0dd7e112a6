import type { TeamListDto } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { presentTeam } from '../presenter.js';
import { listTeamsInScope } from '../repo.js';

/** GET /api/volunteer-teams: teams in scope with their leader, roster size and verified hours. */
export async function listTeams({ ctx, input }: VerbArgs<{ communityId?: string }>): Promise<TeamListDto> {
  requireAbility(ctx.actor, 'volunteers.read');
  return { items: (await listTeamsInScope(ctx.db, ctx.actor, input.communityId)).map((r) => presentTeam(ctx.actor, r)) };
}
