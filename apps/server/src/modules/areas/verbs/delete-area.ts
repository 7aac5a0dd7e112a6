import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, isForeignKeyViolation } from '../../../core/errors.js';
import { nodeForWrite } from '../access.js';
import { AREA_MESSAGES } from '../messages.js';
import { canDeleteArea } from '../policy.js';
import { type DeleteBlocker, deleteBlocker, deleteNode } from '../repo.js';

const BLOCKER_MESSAGE = {
  children: 'hasChildren',
  households: 'hasHouseholds',
  users: 'hasUsers',
  orgs: 'hasOrgs',
} as const satisfies Record<DeleteBlocker, keyof typeof AREA_MESSAGES>;

/** Deletes a leaf node that nothing refers to: no children, households, users or organisations. */
export async function deleteArea({ ctx, input }: VerbArgs<{ id: string }>): Promise<{ ok: true }> {
  await inTx(ctx, async (tctx) => {
    const node = await nodeForWrite(tctx.tx, ctx.actor, input.id, canDeleteArea);
    const blocker = await deleteBlocker(tctx.tx, node);
    if (blocker) throw conflict(AREA_MESSAGES[BLOCKER_MESSAGE[blocker]]()[ctx.locale], { reason: blocker });
    try {
      await deleteNode(tctx.tx, node.id);
    } catch (e) {
      throw isForeignKeyViolation(e) ? conflict(AREA_MESSAGES.inUse()[ctx.locale], { reason: 'references' }) : e;
    }
    await writeAudit(tctx, {
      action: 'area.delete',
      entityType: 'area',
      entityId: node.id,
      streetId: node.streetId,
      communityId: node.communityId,
      details: { kind: node.kind, code: node.code },
    });
  });
  return { ok: true };
}
