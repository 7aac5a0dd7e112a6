import type { UserListQuery } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { presentUser } from '../presenter.js';
import { selectUsersPage } from '../repo.js';
import { loadAssignmentsFor } from '../repo-assignments.js';

/** Lists users holding an assignment in the actor's users.read scope, paged, ordered by username. */
export async function listUsers({ ctx, input }: VerbArgs<UserListQuery>) {
  requireAbility(ctx.actor, 'users.read');
  const { rows, total } = await selectUsersPage(ctx.db, ctx.actor, input);
  const byUser = await loadAssignmentsFor(
    ctx.db,
    rows.map((u) => u.id),
  );
  const items = rows.map((u) => presentUser(ctx.actor, u, byUser.get(u.id) ?? []));
  return { items, total, page: input.page, pageSize: input.pageSize };
}
