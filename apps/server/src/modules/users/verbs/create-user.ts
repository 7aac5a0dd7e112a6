import type { CreateUserInput, UserDto } from '@linli/contracts';
import { rethrowUsernameTaken } from '../access.js';
import { writeAudit } from '../../../core/audit.js';
import { requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { hashPassword } from '../../auth/passwords.js';
import { auditAssignments, resolveAssignments, sharedScope } from '../assignments.js';
import { presentUser } from '../presenter.js';
import { insertUser, replaceAssignments } from '../repo.js';
import { loadUserAssignments } from '../repo-assignments.js';

/** Creates a user with role assignments the actor may grant; a taken username answers 409. */
export async function createUser({ ctx, input }: VerbArgs<CreateUserInput>): Promise<UserDto> {
  requireAbility(ctx.actor, 'users.write');
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTx(ctx, async (tctx) => {
      const resolved = await resolveAssignments(tctx, input.assignments);
      const user = await insertUser(tctx.tx, { username: input.username, displayName: input.displayName, passwordHash });
      await replaceAssignments(tctx.tx, user.id, resolved);
      const assignments = await loadUserAssignments(tctx.tx, user.id);
      await writeAudit(tctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        ...sharedScope(resolved.map((r) => r.target)),
        details: { assignments: auditAssignments(resolved) },
      });
      return presentUser(ctx.actor, user, assignments);
    });
  } catch (e) {
    rethrowUsernameTaken(e, ctx.locale);
  }
}
