import type {
  CreateHandlerOrgInput,
  HandlerOrgDto,
  HandlerOrgListDto,
  HandlerOrgListQuery,
  Locale,
  UpdateHandlerOrgInput,
} from '@linli/contracts';
import { canOn, hasAbility } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, conflict, forbidden, invalid, isUniqueViolation } from '../../core/errors.js';
import type { Tx } from '../../db/pool.js';
import { isForeignKeyViolation } from '../../core/errors.js';
import { canReadArea } from '../areas/policy.js';
import { findNode, lockNode } from '../areas/repo.js';
import { ORG_MESSAGES } from './messages.js';
import { canCreateOrgOn, canEditOrg, canReadOrg } from './policy.js';
import { presentOrg } from './presenter.js';
import { deleteOrgRow, findOrg, insertOrg, listOrgsInScope, lockOrg, orgHasUsers, updateOrg } from './repo.js';

const missing = () => new AppError('NOT_FOUND');
const blankToNull = (phone: string | undefined) => (phone === undefined ? undefined : phone || null);

function nameTaken(locale: Locale) {
  const message = ORG_MESSAGES.nameTaken[locale];
  return conflict(message, { issues: [{ path: 'name', message }] });
}

/** Orgs serving the actor's areas (or their own org), optionally those serving one node: it, its community or street. */
export async function listHandlerOrgs({ ctx, input }: { ctx: AuthedCtx; input: HandlerOrgListQuery }): Promise<HandlerOrgListDto> {
  if (!hasAbility(ctx.actor, 'orgs.read')) throw forbidden();
  let areaIds: string[] | undefined;
  if (input.areaId) {
    const area = await findNode(ctx.db, input.areaId);
    areaIds = area ? [area.id, area.streetId, area.communityId].filter((id): id is string => Boolean(id)) : [];
  }
  const rows = await listOrgsInScope(ctx.db, ctx.actor, { kind: input.kind, areaIds });
  return { items: rows.map((r) => presentOrg(ctx.actor, r)) };
}

/** Attaches a new org to a street or community; needs orgs.write there. */
export async function createHandlerOrg({ ctx, input }: { ctx: AuthedCtx; input: CreateHandlerOrgInput }): Promise<HandlerOrgDto> {
  const { actor, locale } = ctx;
  if (!hasAbility(actor, 'orgs.read')) throw forbidden();
  let id: string;
  try {
    id = await ctx.db.transaction(async (tx) => {
      const area = await lockNode(tx, input.areaId, 'share');
      if (!area || !(canReadArea(actor, area) || canOn(actor, 'orgs.read', area))) throw missing();
      if (area.kind !== 'street' && area.kind !== 'community') throw invalid([{ path: 'areaId', message: ORG_MESSAGES.areaKind[locale] }]);
      if (!canCreateOrgOn(actor, area)) throw forbidden();
      const orgId = await insertOrg(tx, {
        kind: input.kind,
        name: input.name,
        phone: blankToNull(input.phone) ?? null,
        areaId: area.id,
        districtId: area.districtId!,
        streetId: area.streetId!,
        communityId: area.communityId,
      });
      await writeAudit(tx, ctx, {
        action: 'org.create',
        entityType: 'handler_org',
        entityId: orgId,
        streetId: area.streetId,
        communityId: area.communityId,
        details: { kind: input.kind, areaId: area.id },
      });
      return orgId;
    });
  } catch (e) {
    throw isUniqueViolation(e) ? nameTaken(locale) : e;
  }
  return presentOrg(actor, (await findOrg(ctx.db, id))!);
}

/** Loads an org for a write: outside the read scope → 404, without orgs.write on it → 403. */
async function orgForWrite(tx: Tx, ctx: AuthedCtx, id: string) {
  if (!hasAbility(ctx.actor, 'orgs.read')) throw forbidden();
  const org = await lockOrg(tx, id);
  if (!org || !canReadOrg(ctx.actor, org)) throw missing();
  if (!canEditOrg(ctx.actor, org)) throw forbidden();
  return org;
}

/** Renames an org, changes its kind or phone. */
export async function updateHandlerOrg({
  ctx,
  id,
  input,
}: {
  ctx: AuthedCtx;
  id: string;
  input: UpdateHandlerOrgInput;
}): Promise<HandlerOrgDto> {
  try {
    await ctx.db.transaction(async (tx) => {
      const org = await orgForWrite(tx, ctx, id);
      const patch = { kind: input.kind, name: input.name, phone: blankToNull(input.phone) };
      const fields = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== undefined);
      await updateOrg(tx, id, Object.fromEntries(fields.map((k) => [k, patch[k]])));
      await writeAudit(tx, ctx, {
        action: 'org.update',
        entityType: 'handler_org',
        entityId: id,
        streetId: org.streetId,
        communityId: org.communityId,
        details: { fields },
      });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? nameTaken(ctx.locale) : e;
  }
  return presentOrg(ctx.actor, (await findOrg(ctx.db, id))!);
}

/** Deletes an org nobody is assigned to. */
export async function deleteHandlerOrg({ ctx, id }: { ctx: AuthedCtx; id: string }): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const org = await orgForWrite(tx, ctx, id);
    if (await orgHasUsers(tx, id)) throw conflict(ORG_MESSAGES.hasUsers[ctx.locale], { reason: 'users' });
    try {
      await deleteOrgRow(tx, id);
    } catch (e) {
      throw isForeignKeyViolation(e) ? conflict(ORG_MESSAGES.inUse[ctx.locale], { reason: 'references' }) : e;
    }
    await writeAudit(tx, ctx, {
      action: 'org.delete',
      entityType: 'handler_org',
      entityId: id,
      streetId: org.streetId,
      communityId: org.communityId,
      details: { kind: org.kind },
    });
  });
  return { ok: true };
}
