import { randomUUID } from 'node:crypto';
import {
  type CreateHouseholdInput,
  HEAD_RELATIONS,
  type HouseholdDto,
  type MoveOutInput,
  type TransferHouseholdInput,
  type UpdateHouseholdInput,
  localDate,
} from '@linli/contracts';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { forbidden, invalid, isUniqueViolation } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import type { Tx } from '../../db/pool.js';
import { careTagsOf } from '../care-tags/repo.js';
import { HOUSEHOLD_FIELDS, diffFields } from './history.js';
import { prepareMembers } from './members.js';
import { REGISTRY_MESSAGES as M } from './messages.js';
import { canReadRegistry, canWriteRegistry } from './policy.js';
import { addressText } from './presenter.js';
import { findHousehold, lockFlat } from './repo.js';
import { householdDto } from './service-read.js';
import { householdForWrite, idTakenError, missing, requireLiveHousehold, requireRegistryReader, scopeOf, tagIssue } from './verb-kit.js';
import {
  insertHistory,
  insertHousehold,
  insertResidents,
  lockActiveMembers,
  moveAllMembers,
  updateHouseholdRow,
  updateMembers,
} from './write-repo.js';

type Verb<I> = { ctx: AuthedCtx; pii: Pii; input: I };
type VerbOn<I> = Verb<I> & { id: string };

/** A flat the actor may register households in: outside the read scope → 404, without registry.write → 403. */
async function flatForWrite(ctx: AuthedCtx, tx: Tx, flatId: string) {
  requireRegistryReader(ctx.actor);
  const flat = await lockFlat(tx, flatId);
  if (!flat || !canReadRegistry(ctx.actor, flat)) throw missing();
  if (!canWriteRegistry(ctx.actor, flat)) throw forbidden();
  return flat;
}

const dateIssue = (date: string, ctx: AuthedCtx, path = 'date') =>
  date > localDate() ? invalid([{ path, message: M.futureDate()[ctx.locale] }]) : null;

/** 建档: a household in a flat with its members, exactly one of them the head. */
export async function createHousehold({ ctx, pii, input }: Verb<CreateHouseholdInput>): Promise<HouseholdDto> {
  const id = randomUUID();
  try {
    await ctx.db.transaction(async (tx) => {
      const flat = await flatForWrite(ctx, tx, input.flatId);
      const tags = await careTagsOf(tx, flat.communityId);
      const heads = input.members.filter((m) => HEAD_RELATIONS.includes(m.relation)).length;
      const early = [
        heads === 1 ? null : { path: 'members', message: M.oneHead()[ctx.locale] },
        tagIssue(input.tags, [], tags, 'household', { path: 'tags', locale: ctx.locale }),
        input.movedInOn && input.movedInOn > localDate() ? { path: 'movedInOn', message: M.futureDate()[ctx.locale] } : null,
      ].filter((i) => i !== null);
      if (early.length > 0) throw invalid(early);
      const household = {
        id,
        flatId: flat.id,
        buildingId: flat.buildingId,
        gridId: flat.gridId,
        compoundId: flat.compoundId,
        communityId: flat.communityId,
        streetId: flat.streetId,
        districtId: flat.districtId,
      };
      const members = await prepareMembers(
        tx,
        pii,
        household,
        input.members.map((m, i) => ({ input: { ...m, movedInOn: input.movedInOn }, path: `members.${i}` })),
        { locale: ctx.locale, today: localDate(), tags },
      );
      await insertHousehold(tx, { ...household, tenure: input.tenure, tags: [...new Set(input.tags)], movedInOn: input.movedInOn ?? null });
      await insertResidents(
        tx,
        members.map((m) => m.row),
      );
      const created = await findHousehold(tx, id);
      const snapshot = {
        address: created ? addressText(created.address) : null,
        tenure: input.tenure,
        tags: input.tags,
        status: 'active',
        movedInOn: input.movedInOn ?? null,
      };
      const scope = scopeOf(flat);
      await insertHistory(tx, ctx.actor, [
        {
          action: 'create',
          entityType: 'household',
          entityId: id,
          householdId: id,
          scope,
          changes: diffFields(null, snapshot, HOUSEHOLD_FIELDS),
        },
        ...members.map((m) => ({
          action: 'create',
          entityType: 'resident' as const,
          entityId: m.row.id!,
          householdId: id,
          scope,
          changes: m.changes,
        })),
      ]);
      await writeAudit(tx, ctx, {
        action: 'registry.household.create',
        entityType: 'household',
        entityId: id,
        ...scope,
        details: { flatId: flat.id, members: members.length },
      });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? idTakenError(ctx.locale, 'members') : e;
  }
  return householdDto(ctx.db, ctx.actor, pii, id);
}

/** Changes tenure or tags. */
export async function updateHousehold({ ctx, pii, id, input }: VerbOn<UpdateHouseholdInput>): Promise<HouseholdDto> {
  await ctx.db.transaction(async (tx) => {
    const h = await householdForWrite(tx, ctx.actor, id);
    requireLiveHousehold(h, ctx.locale);
    const issue = tagIssue(input.tags, h.tags, await careTagsOf(tx, h.communityId), 'household', { path: 'tags', locale: ctx.locale });
    if (issue) throw invalid([issue]);
    const next = { tenure: input.tenure ?? h.tenure, tags: input.tags ? [...new Set(input.tags)] : h.tags };
    const changes = diffFields(h, next, HOUSEHOLD_FIELDS);
    if (changes.length === 0) return;
    await updateHouseholdRow(tx, id, next);
    await insertHistory(tx, ctx.actor, [
      { action: 'update', entityType: 'household', entityId: id, householdId: id, scope: scopeOf(h), changes },
    ]);
    await writeAudit(tx, ctx, {
      action: 'registry.household.update',
      entityType: 'household',
      entityId: id,
      ...scopeOf(h),
      details: { fields: changes.map((c) => c.field) },
    });
  });
  return householdDto(ctx.db, ctx.actor, pii, id);
}

/** 整户迁出: the household and all its active members leave. */
export async function moveOutHousehold({ ctx, pii, id, input }: VerbOn<MoveOutInput>): Promise<HouseholdDto> {
  await ctx.db.transaction(async (tx) => {
    const h = await householdForWrite(tx, ctx.actor, id);
    requireLiveHousehold(h, ctx.locale, 'moved_out');
    const bad = dateIssue(input.date, ctx);
    if (bad) throw bad;
    const members = await lockActiveMembers(tx, id);
    await updateHouseholdRow(tx, id, { status: 'moved_out', movedOutOn: input.date });
    await updateMembers(
      tx,
      members.map((m) => m.id),
      { status: 'moved_out', movedOutOn: input.date },
    );
    const scope = scopeOf(h);
    const left = { status: 'moved_out', movedOutOn: input.date };
    await insertHistory(tx, ctx.actor, [
      {
        action: 'move_out',
        entityType: 'household',
        entityId: id,
        householdId: id,
        scope,
        changes: diffFields(h, { ...left, reason: input.reason ?? null }, HOUSEHOLD_FIELDS),
      },
      ...members.map((m) => ({
        action: 'move_out',
        entityType: 'resident' as const,
        entityId: m.id,
        householdId: id,
        scope,
        changes: diffFields(m, left, ['status', 'movedOutOn']),
      })),
    ]);
    await writeAudit(tx, ctx, {
      action: 'registry.household.move_out',
      entityType: 'household',
      entityId: id,
      ...scope,
      details: { members: members.length },
    });
  });
  return householdDto(ctx.db, ctx.actor, pii, id);
}

/** 转移: the household moves to another flat in the actor's scope; its scope ids, and its members', follow the flat. */
export async function transferHousehold({ ctx, pii, id, input }: VerbOn<TransferHouseholdInput>): Promise<HouseholdDto> {
  try {
    await ctx.db.transaction(async (tx) => {
      const h = await householdForWrite(tx, ctx.actor, id);
      requireLiveHousehold(h, ctx.locale);
      const bad = dateIssue(input.date, ctx);
      if (bad) throw bad;
      const flat = await flatForWrite(ctx, tx, input.flatId);
      if (flat.id === h.flatId) throw invalid([{ path: 'flatId', message: M.sameFlat()[ctx.locale] }]);
      const before = await findHousehold(tx, id);
      const scope = {
        buildingId: flat.buildingId,
        gridId: flat.gridId,
        communityId: flat.communityId,
        streetId: flat.streetId,
        districtId: flat.districtId,
      };
      await updateHouseholdRow(tx, id, { ...scope, flatId: flat.id, compoundId: flat.compoundId, movedInOn: input.date });
      await moveAllMembers(tx, id, scope);
      const after = await findHousehold(tx, id);
      const changes = diffFields(
        { address: before && addressText(before.address), movedInOn: h.movedInOn },
        { address: after && addressText(after.address), movedInOn: input.date },
        HOUSEHOLD_FIELDS,
      );
      await insertHistory(tx, ctx.actor, [
        { action: 'transfer', entityType: 'household', entityId: id, householdId: id, scope: scopeOf(flat), changes },
      ]);
      await writeAudit(tx, ctx, {
        action: 'registry.household.transfer',
        entityType: 'household',
        entityId: id,
        ...scopeOf(flat),
        details: { fromFlatId: h.flatId, toFlatId: flat.id, fromCommunityId: h.communityId },
      });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? idTakenError(ctx.locale, 'flatId') : e;
  }
  return householdDto(ctx.db, ctx.actor, pii, id);
}
