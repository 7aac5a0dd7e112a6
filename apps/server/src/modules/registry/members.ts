import { randomUUID } from 'node:crypto';
import { type CareTagDto, type FieldIssue, type Locale, type ResidentInput, localDate } from '@linli/contracts';
import type { TxCtx } from '../../core/context.js';
import { conflict, invalid } from '../../core/errors.js';
import { nameInitials } from '../../core/person.js';
import { sealSecrets } from '../../core/pii-seal.js';
import { type FieldChange, RESIDENT_FIELDS, type Snapshot, diffFields } from './history.js';
import { checkIdentity } from './identity.js';
import { REGISTRY_MESSAGES as M } from './messages.js';
import { type HouseholdRow, idNumberTaken } from './repo.js';
import type { ResidentInsert } from './repo-write.js';
import { tagIssue } from './rules.js';

export type NewMember = ResidentInput & { movedInOn?: string };
export type PreparedMember = { row: ResidentInsert; snapshot: Snapshot; changes: FieldChange[] };

/** 409 with the field path: the ID number is held by another active resident of the district. */
export const idTakenError = (locale: Locale, path: string) => {
  const message = M.idTaken()[locale];
  return conflict(message, { issues: [{ path, message }] });
};

/** 409 with the field path when another active resident of the district holds the ID number. */
export async function ensureIdFree(tctx: TxCtx, at: { districtId: string; idNumber: string; path: string; exceptId?: string }) {
  if (await idNumberTaken(tctx.tx, at.districtId, tctx.pii.lookupHash(at.idNumber), at.exceptId)) throw idTakenError(tctx.locale, at.path);
}

/**
 * Validates new members (codes, ID number against sex and birth date, phone, tags), collecting every
 * field issue before failing (400); then checks the district for active holders of the same ID numbers (409).
 */
export async function prepareMembers(
  tctx: TxCtx,
  household: Pick<HouseholdRow, 'id' | 'districtId' | 'streetId' | 'communityId' | 'gridId' | 'buildingId'>,
  members: { input: NewMember; path: string }[],
  tags: readonly CareTagDto[],
): Promise<PreparedMember[]> {
  const { locale, pii } = tctx;
  const where = { locale, today: localDate(), tags };
  const issues: FieldIssue[] = [];
  const seen = new Map<string, string>();
  const checked = members.map(({ input, path }) => {
    const result = checkIdentity(input, { locale: where.locale, prefix: path, today: where.today });
    if (!result.ok) issues.push(...result.issues);
    const tag = tagIssue(input.tags, [], where.tags, 'person', { path: path ? `${path}.tags` : 'tags', locale: where.locale });
    if (tag) issues.push(tag);
    const value = result.ok ? result.value : {};
    if (value.idNumber) {
      if (seen.has(value.idNumber)) issues.push({ path: path ? `${path}.idNumber` : 'idNumber', message: M.idRepeated()[where.locale] });
      seen.set(value.idNumber, path);
    }
    return value;
  });
  if (issues.length > 0) throw invalid(issues);
  for (const [id, path] of seen)
    await ensureIdFree(tctx, {
      districtId: household.districtId,
      idNumber: id,
      path: path ? `${path}.idNumber` : 'idNumber',
    });

  return members.map(({ input }, i) => {
    const value = checked[i]!;
    const id = randomUUID();
    // the fields the history snapshot and the row hold alike
    const entered = {
      name: input.name,
      birthDate: value.birthDate ?? null,
      relation: input.relation,
      political: input.political,
      ethnicity: input.ethnicity,
      residentType: input.residentType,
      volunteer: input.volunteer,
      note: input.note || null,
      movedInOn: input.movedInOn ?? null,
    };
    const snapshot: Snapshot = {
      ...entered,
      idNumber: value.idNumber ?? null,
      sex: value.sex ?? '0',
      phone: value.phone ?? null,
      tags: input.tags,
      status: 'active',
    };
    const row: ResidentInsert = {
      ...entered,
      id,
      householdId: household.id,
      districtId: household.districtId,
      streetId: household.streetId,
      communityId: household.communityId,
      gridId: household.gridId,
      buildingId: household.buildingId,
      nameInitials: nameInitials(input.name),
      ...sealSecrets(pii, { idNumber: value.idNumber ?? null, phone: value.phone ?? null }),
      sex: Number(snapshot.sex),
      tags: [...new Set(input.tags)],
    };
    return { row, snapshot, changes: diffFields(null, snapshot, RESIDENT_FIELDS) };
  });
}
