import {
  HEAD_RELATIONS,
  type HouseholdDto,
  type MoveInInput,
  type MoveOutInput,
  type RecordDeathInput,
  type ResidentDto,
  type RevealDto,
  type RevealInput,
  type UpdateResidentInput,
  localDate,
} from '@linli/contracts';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { forbidden, invalid, isUniqueViolation } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import type { Tx } from '../../db/pool.js';
import { careTagsOf } from '../care-tags/repo.js';
import { RESIDENT_FIELDS, type Snapshot, diffFields } from './history.js';
import { checkIdentity } from './identity.js';
import { prepareMembers } from './members.js';
import { REGISTRY_MESSAGES as M } from './messages.js';
import { canReadRegistry, canRevealPii } from './policy.js';
import { presentResident } from './presenter.js';
import { type ResidentRow, findResident, otherHeadExists } from './repo.js';
import { householdDto } from './service-read.js';
import {
  ensureIdFree,
  householdForWrite,
  idTakenError,
  missing,
  nameInitials,
  openSecret,
  requireLiveHousehold,
  requireLiveResident,
  requireRegistryReader,
  residentForWrite,
  scopeOf,
  sealSecrets,
  tagIssue,
} from './verb-kit.js';
import { type ResidentPatch, insertHistory, insertResidents, updateResidentRow } from './write-repo.js';

type VerbOn<I> = { ctx: AuthedCtx; pii: Pii; id: string; input: I };

const headIssue = (ctx: AuthedCtx) => invalid([{ path: 'relation', message: M.oneHead()[ctx.locale] }]);

async function residentDto(ctx: AuthedCtx, pii: Pii, id: string): Promise<ResidentDto> {
  return presentResident({ actor: ctx.actor, pii, today: localDate() }, (await findResident(ctx.db, id))!);
}

/** 迁入: a person joins an existing household (a second head is refused). */
export async function moveInResident({ ctx, pii, id, input }: VerbOn<MoveInInput>): Promise<HouseholdDto> {
  try {
    await ctx.db.transaction(async (tx) => {
      const h = await householdForWrite(tx, ctx.actor, id);
      requireLiveHousehold(h, ctx.locale);
      if (HEAD_RELATIONS.includes(input.relation) && (await otherHeadExists(tx, id, null))) throw headIssue(ctx);
      const tags = await careTagsOf(tx, h.communityId);
      const [member] = await prepareMembers(tx, pii, h, [{ input, path: '' }], { locale: ctx.locale, today: localDate(), tags });
      await insertResidents(tx, [member!.row]);
      const scope = scopeOf(h);
      const entityId = member!.row.id!;
      await insertHistory(tx, ctx.actor, [
        { action: 'move_in', entityType: 'resident', entityId, householdId: id, scope, changes: member!.changes },
      ]);
      await writeAudit(tx, ctx, {
        action: 'registry.resident.move_in',
        entityType: 'resident',
        entityId,
        ...scope,
        details: { householdId: id },
      });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? idTakenError(ctx.locale, 'idNumber') : e;
  }
  return householdDto(ctx.db, ctx.actor, pii, id);
}

function snapshotOf(pii: Pii, r: ResidentRow): Snapshot {
  return { ...r, sex: String(r.sex), idNumber: openSecret(pii, r.idNumberEnc), phone: openSecret(pii, r.phoneEnc) };
}

/** Edits a person; the ID number is re-checked against sex and birth date, which follow it. */
export async function updateResident({ ctx, pii, id, input }: VerbOn<UpdateResidentInput>): Promise<ResidentDto> {
  try {
    await ctx.db.transaction(async (tx) => {
      const r = await residentForWrite(tx, ctx.actor, id);
      requireLiveResident(r, ctx.locale);
      const before = snapshotOf(pii, r);
      const today = localDate();
      const check = checkIdentity(input, { locale: ctx.locale, storedIdNumber: before.idNumber as string | null, today });
      const tag = tagIssue(input.tags, r.tags, await careTagsOf(tx, r.communityId), 'person', { path: 'tags', locale: ctx.locale });
      if (!check.ok || tag) throw invalid([...(check.ok ? [] : check.issues), ...(tag ? [tag] : [])]);
      const becomesHead = input.relation && HEAD_RELATIONS.includes(input.relation) && !HEAD_RELATIONS.includes(r.relation);
      if (becomesHead && (await otherHeadExists(tx, r.householdId, id))) throw headIssue(ctx);
      const v = check.value;
      const given = Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined));
      const after: Snapshot = { ...before, ...given, ...v, note: input.note !== undefined ? input.note || null : before.note };
      if (input.tags) after.tags = [...new Set(input.tags)];
      const changes = diffFields(before, after, RESIDENT_FIELDS);
      if (changes.length === 0) return;
      const changed = new Set(changes.map((c) => c.field));
      if (changed.has('idNumber') && v.idNumber)
        await ensureIdFree(tx, pii, ctx.locale, { districtId: r.districtId, idNumber: v.idNumber, path: 'idNumber', exceptId: id });
      const patch: ResidentPatch = {
        ...sealSecrets(pii, {
          idNumber: changed.has('idNumber') ? v.idNumber : undefined,
          phone: changed.has('phone') ? v.phone : undefined,
        }),
      };
      if (changed.has('name')) Object.assign(patch, { name: after.name, nameInitials: nameInitials(after.name as string) });
      if (changed.has('sex')) patch.sex = Number(after.sex);
      for (const f of ['birthDate', 'relation', 'political', 'ethnicity', 'residentType', 'tags', 'volunteer', 'note'] as const)
        if (changed.has(f)) Object.assign(patch, { [f]: after[f] });
      await updateResidentRow(tx, id, patch);
      const scope = scopeOf(r);
      await insertHistory(tx, ctx.actor, [
        { action: 'update', entityType: 'resident', entityId: id, householdId: r.householdId, scope, changes },
      ]);
      await writeAudit(tx, ctx, {
        action: 'registry.resident.update',
        entityType: 'resident',
        entityId: id,
        ...scope,
        details: { fields: [...changed] },
      });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? idTakenError(ctx.locale, 'idNumber') : e;
  }
  return residentDto(ctx, pii, id);
}

/** Ends a person's registration here: moved out (迁出) or deceased (死亡). */
async function endResident(
  ctx: AuthedCtx,
  tx: Tx,
  id: string,
  end: { status: 'moved_out' | 'deceased'; date: string; reason?: string; action: 'move_out' | 'death' },
) {
  const r = await residentForWrite(tx, ctx.actor, id);
  requireLiveResident(r, ctx.locale, end.status);
  if (end.date > localDate()) throw invalid([{ path: 'date', message: M.futureDate()[ctx.locale] }]);
  const patch = end.status === 'moved_out' ? { status: end.status, movedOutOn: end.date } : { status: end.status, diedOn: end.date };
  await updateResidentRow(tx, id, patch);
  const changes = diffFields(r, { ...patch, reason: end.reason ?? null }, [...RESIDENT_FIELDS, 'reason']);
  const scope = scopeOf(r);
  await insertHistory(tx, ctx.actor, [
    { action: end.action, entityType: 'resident', entityId: id, householdId: r.householdId, scope, changes },
  ]);
  await writeAudit(tx, ctx, {
    action: `registry.resident.${end.action}`,
    entityType: 'resident',
    entityId: id,
    ...scope,
    details: { householdId: r.householdId },
  });
}

export async function moveOutResident({ ctx, pii, id, input }: VerbOn<MoveOutInput>): Promise<ResidentDto> {
  await ctx.db.transaction((tx) =>
    endResident(ctx, tx, id, { status: 'moved_out', date: input.date, reason: input.reason, action: 'move_out' }),
  );
  return residentDto(ctx, pii, id);
}

export async function recordDeath({ ctx, pii, id, input }: VerbOn<RecordDeathInput>): Promise<ResidentDto> {
  await ctx.db.transaction((tx) => endResident(ctx, tx, id, { status: 'deceased', date: input.date, reason: input.note, action: 'death' }));
  return residentDto(ctx, pii, id);
}

/** Shows an ID number or phone in full to a role with pii.reveal in scope, and records who asked, for what and why. */
export async function revealResident({ ctx, pii, id, input }: VerbOn<RevealInput>): Promise<RevealDto> {
  requireRegistryReader(ctx.actor);
  const r = await findResident(ctx.db, id);
  if (!r || !canReadRegistry(ctx.actor, r)) throw missing();
  if (!canRevealPii(ctx.actor, r)) throw forbidden();
  const fields = [...new Set(input.fields)];
  const out: RevealDto = {};
  for (const f of fields) out[f] = openSecret(pii, f === 'idNumber' ? r.idNumberEnc : r.phoneEnc);
  await ctx.db.transaction((tx) =>
    writeAudit(tx, ctx, {
      action: 'registry.reveal',
      entityType: 'resident',
      entityId: id,
      ...scopeOf(r),
      details: { fields, reason: input.reason },
    }),
  );
  return out;
}
