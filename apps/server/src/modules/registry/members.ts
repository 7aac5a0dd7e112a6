import { randomUUID } from 'node:crypto';
import type { CareTagDto, FieldIssue, Locale, ResidentInput } from '@linli/contracts';
import type { Pii } from '../../core/pii.js';
import { invalid } from '../../core/errors.js';
import type { Tx } from '../../db/pool.js';
import { type FieldChange, RESIDENT_FIELDS, type Snapshot, diffFields } from './history.js';
import { checkIdentity } from './identity.js';
import { REGISTRY_MESSAGES as M } from './messages.js';
import type { HouseholdRow } from './repo.js';
import { ensureIdFree, nameInitials, sealSecrets, tagIssue } from './verb-kit.js';
import type { ResidentInsert } from './write-repo.js';

export type NewMember = ResidentInput & { movedInOn?: string };
export type PreparedMember = { row: ResidentInsert; snapshot: Snapshot; changes: FieldChange[] };

type Where = { locale: Locale; today: string; tags: readonly CareTagDto[] };

/**
 * Validates new members (codes, ID number against sex and birth date, phone, tags), collecting every
 * field issue before failing (400); then checks the district for active holders of the same ID numbers (409).
 */
export async function prepareMembers(
  tx: Tx,
  pii: Pii,
  household: Pick<HouseholdRow, 'id' | 'districtId' | 'streetId' | 'communityId' | 'gridId' | 'buildingId'>,
  members: { input: NewMember; path: string }[],
  where: Where,
): Promise<PreparedMember[]> {
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
    await ensureIdFree(tx, pii, where.locale, {
      districtId: household.districtId,
      idNumber: id,
      path: path ? `${path}.idNumber` : 'idNumber',
    });

  return members.map(({ input }, i) => {
    const value = checked[i]!;
    const id = randomUUID();
    const snapshot: Snapshot = {
      name: input.name,
      idNumber: value.idNumber ?? null,
      sex: value.sex ?? '0',
      birthDate: value.birthDate ?? null,
      relation: input.relation,
      political: input.political,
      ethnicity: input.ethnicity,
      residentType: input.residentType,
      phone: value.phone ?? null,
      tags: input.tags,
      volunteer: input.volunteer,
      note: input.note || null,
      status: 'active',
      movedInOn: input.movedInOn ?? null,
    };
    const row: ResidentInsert = {
      id,
      householdId: household.id,
      districtId: household.districtId,
      streetId: household.streetId,
      communityId: household.communityId,
      gridId: household.gridId,
      buildingId: household.buildingId,
      name: input.name,
      nameInitials: nameInitials(input.name),
      ...sealSecrets(pii, { idNumber: value.idNumber ?? null, phone: value.phone ?? null }),
      sex: Number(snapshot.sex),
      birthDate: value.birthDate ?? null,
      relation: input.relation,
      political: input.political,
      ethnicity: input.ethnicity,
      residentType: input.residentType,
      tags: [...new Set(input.tags)],
      volunteer: input.volunteer,
      note: input.note || null,
      movedInOn: input.movedInOn ?? null,
    };
    return { row, snapshot, changes: diffFields(null, snapshot, RESIDENT_FIELDS) };
  });
}
