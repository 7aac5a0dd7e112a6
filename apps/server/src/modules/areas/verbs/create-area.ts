import { randomUUID } from 'node:crypto';
import { AREA_CHILD_KINDS, type AreaNodeDto, type CreateAreaInput, type FieldIssue, areaCodeHint, isValidAreaCode } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid, isUniqueViolation } from '../../../core/errors.js';
import { nodeForWrite } from '../access.js';
import { gridIssue } from '../grid-choice.js';
import { AREA_MESSAGES } from '../messages.js';
import { canAddChild } from '../policy.js';
import { presentArea } from '../presenter.js';
import { findNode, insertNode } from '../repo.js';
import { ancestryFor } from '../tree.js';

/** Adds a node under a parent: the tree must allow the kind, the code must extend the parent's, a building names its grid. */
export async function createArea({ ctx, input }: VerbArgs<CreateAreaInput>): Promise<AreaNodeDto> {
  const { actor, locale } = ctx;
  const id = randomUUID();
  try {
    await inTx(ctx, async (tctx) => {
      const found = await nodeForWrite(tctx.tx, actor, input.parentId, () => true, 'share');
      if (!AREA_CHILD_KINDS[found.kind].includes(input.kind))
        throw invalid([{ path: 'kind', message: AREA_MESSAGES.childKind(found.kind, input.kind)[locale] }]);
      const parent = authorize(found, { see: () => true, act: (p) => canAddChild(actor, p, input.kind) });
      const issues: FieldIssue[] = [];
      if (!isValidAreaCode(input.kind, input.code, parent.code)) issues.push({ path: 'code', message: areaCodeHint(input.kind, locale) });
      const grid = await gridIssue(tctx.tx, input.kind, parent.communityId, input.gridId, locale);
      if (grid) issues.push(grid);
      if (issues.length > 0) throw invalid(issues);
      const ancestry = ancestryFor(input.kind, id, parent, input.gridId);
      await insertNode(tctx.tx, { id, kind: input.kind, code: input.code, name: input.name, parentId: parent.id, ...ancestry });
      await writeAudit(tctx, {
        action: 'area.create',
        entityType: 'area',
        entityId: id,
        streetId: ancestry.streetId,
        communityId: ancestry.communityId,
        details: { kind: input.kind, code: input.code, parentId: parent.id },
      });
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const message = AREA_MESSAGES.codeTaken()[locale];
    throw conflict(message, { issues: [{ path: 'code', message }] });
  }
  return presentArea(actor, (await findNode(ctx.db, id))!);
}
