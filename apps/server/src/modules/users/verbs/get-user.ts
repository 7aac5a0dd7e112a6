import type { UserDto } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { userInScope } from '../access.js';
import { presentUser } from '../presenter.js';

/** One user in the actor's users.read scope. */
export async function getUser({ ctx, input }: VerbArgs<{ id: string }>): Promise<UserDto> {
  requireAbility(ctx.actor, 'users.read');
  const { user, assignments } = await userInScope(ctx.db, ctx.actor, input.id);
  return presentUser(ctx.actor, user, assignments);
}
