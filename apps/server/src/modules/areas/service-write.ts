import { randomUUID } from 'node:crypto';
import {
  AREA_CHILD_KINDS,
  type AreaKind,
  type AreaNodeDto,
  type CreateAreaInput,
  type FieldIssue,
  type Locale,
  type UpdateAreaInput,
  areaCodeHint,
  isValidAreaCode,
} from '@linli/contracts';
import { type Actor, hasAbility } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { conflict, forbidden, invalid, isUniqueViolation } from '../../core/errors.js';
import type { Tx } from '../../db/pool.js';
import { regridBuildingContents } from './flats-repo.js';
import { AREA_MESSAGES } from './messages.js';
import { isForeignKeyViolation } from '../../core/errors.js';
import { canAddChild, canDeleteArea, canEditArea, canReadArea } from './policy.js';
import { presentArea } from './presenter.js';
import { type AreaRow, deleteBlocker, deleteNode, findNode, insertNode, lockNode, updateNode } from './repo.js';
import { missing } from './service.js';
import { ancestryFor } from './tree.js';

/** The problem with a grid choice: buildings need a grid of their own community; other kinds name none. */
async function gridIssue(tx: Tx, kind: AreaKind, communityId: string | null, gridId: string | null | undefined, locale: Locale) {
  const issue = (m: Record<Locale, string>): FieldIssue => ({ path: 'gridId', message: m[locale] });
  if (kind !== 'building') return gridId ? issue(AREA_MESSAGES.gridOnlyForBuildings()) : null;
  if (!gridId) return issue(AREA_MESSAGES.gridRequired());
  const grid = await lockNode(tx, gridId, 'share');
  return grid?.kind === 'grid' && grid.communityId === communityId ? null : issue(AREA_MESSAGES.gridElsewhere());
}

/** Loads a node for a write: outside the read scope → 404, else `allowed` decides 403. */
export async function nodeForWrite(
  tx: Tx,
  actor: Actor,
  id: string,
  allowed: (actor: Actor, node: AreaRow) => boolean,
  strength: 'update' | 'share' = 'update',
) {
  if (!hasAbility(actor, 'areas.read')) throw forbidden();
  const node = await lockNode(tx, id, strength);
  if (!node || !canReadArea(actor, node)) throw missing();
  if (!allowed(actor, node)) throw forbidden();
  return node;
}

const codeTaken = (locale: Locale) => {
  const message = AREA_MESSAGES.codeTaken()[locale];
  return conflict(message, { issues: [{ path: 'code', message }] });
};

/** Adds a node under a parent: the tree must allow the kind, the code must extend the parent's, a building names its grid. */
export async function createArea({ ctx, input }: { ctx: AuthedCtx; input: CreateAreaInput }): Promise<AreaNodeDto> {
  const { actor, locale } = ctx;
  const id = randomUUID();
  try {
    await ctx.db.transaction(async (tx) => {
      const parent = await nodeForWrite(tx, actor, input.parentId, () => true, 'share');
      if (!AREA_CHILD_KINDS[parent.kind].includes(input.kind))
        throw invalid([{ path: 'kind', message: AREA_MESSAGES.childKind(parent.kind, input.kind)[locale] }]);
      if (!canAddChild(actor, parent, input.kind)) throw forbidden();
      const issues: FieldIssue[] = [];
      if (!isValidAreaCode(input.kind, input.code, parent.code)) issues.push({ path: 'code', message: areaCodeHint(input.kind, locale) });
      const grid = await gridIssue(tx, input.kind, parent.communityId, input.gridId, locale);
      if (grid) issues.push(grid);
      if (issues.length > 0) throw invalid(issues);
      const ancestry = ancestryFor(input.kind, id, parent, input.gridId);
      await insertNode(tx, { id, kind: input.kind, code: input.code, name: input.name, parentId: parent.id, ...ancestry });
      await writeAudit(tx, ctx, {
        action: 'area.create',
        entityType: 'area',
        entityId: id,
        streetId: ancestry.streetId,
        communityId: ancestry.communityId,
        details: { kind: input.kind, code: input.code, parentId: parent.id },
      });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? codeTaken(locale) : e;
  }
  return presentArea(actor, (await findNode(ctx.db, id))!);
}

/** Renames a node or moves a building to another grid of its community (its flats and households follow). */
export async function updateArea({ ctx, id, input }: { ctx: AuthedCtx; id: string; input: UpdateAreaInput }): Promise<AreaNodeDto> {
  await ctx.db.transaction(async (tx) => {
    const node = await nodeForWrite(tx, ctx.actor, id, canEditArea);
    const regrid = node.kind === 'building' && input.gridId !== undefined;
    if (input.gridId !== undefined) {
      const issue = await gridIssue(tx, node.kind, node.communityId, input.gridId, ctx.locale);
      if (issue) throw invalid([issue]);
    }
    const patch = { name: input.name, gridId: regrid ? (input.gridId ?? undefined) : undefined };
    await updateNode(tx, id, patch);
    if (patch.gridId && patch.gridId !== node.gridId) await regridBuildingContents(tx, id, patch.gridId);
    await writeAudit(tx, ctx, {
      action: 'area.update',
      entityType: 'area',
      entityId: id,
      streetId: node.streetId,
      communityId: node.communityId,
      details: { fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined) },
    });
  });
  return presentArea(ctx.actor, (await findNode(ctx.db, id))!);
}

/** Deletes a leaf node that nothing refers to: no children, households, users or organisations. */
export async function deleteArea({ ctx, id }: { ctx: AuthedCtx; id: string }): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const node = await nodeForWrite(tx, ctx.actor, id, canDeleteArea);
    const blocker = await deleteBlocker(tx, node);
    if (blocker) {
      const key = ({ children: 'hasChildren', households: 'hasHouseholds', users: 'hasUsers', orgs: 'hasOrgs' } as const)[blocker];
      throw conflict(AREA_MESSAGES[key]()[ctx.locale], { reason: blocker });
    }
    try {
      await deleteNode(tx, id);
    } catch (e) {
      throw isForeignKeyViolation(e) ? conflict(AREA_MESSAGES.inUse()[ctx.locale], { reason: 'references' }) : e;
    }
    await writeAudit(tx, ctx, {
      action: 'area.delete',
      entityType: 'area',
      entityId: id,
      streetId: node.streetId,
      communityId: node.communityId,
      details: { kind: node.kind, code: node.code },
    });
  });
  return { ok: true };
}
