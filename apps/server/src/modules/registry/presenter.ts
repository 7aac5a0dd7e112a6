import {
  type AddressDto,
  type HistoryEntryDto,
  type HouseholdDto,
  type HouseholdListItem,
  type HouseholdStatus,
  type ResidentDto,
  type ResidentSearchItem,
  type SexCode,
  type Tenure,
  maskIdNumber,
  maskPhone,
} from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { addressText } from '../../core/person.js';
import type { Pii } from '../../core/pii.js';
import type { registryHistory } from '../../db/schema/index.js';
import { householdAbilities, residentAbilities } from './policy.js';
import type { AddressRow, HouseholdWithAddress, ResidentRow, ResidentWithAddress } from './repo.js';

/** One page of a list, as every list endpoint answers. */
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

export function presentAddress(a: AddressRow): AddressDto {
  return { ...a, text: addressText(a) };
}

/** Whole years from `birthDate` to `on` (both YYYY-MM-DD). */
export function ageOn(birthDate: string | null, on: string): number | null {
  if (!birthDate) return null;
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The masked value; when the ciphertext cannot be read (a key gone), stars and the stored tail. */
export function masked(pii: Pii, enc: Buffer | null, tail: string | null, mask: (v: string) => string, width: number): string | null {
  if (!enc) return null;
  try {
    return mask(pii.decrypt(enc));
  } catch {
    return `${'*'.repeat(width - 4)}${tail ?? '****'}`;
  }
}

export type PresentDeps = { actor: Actor; pii: Pii; today: string };

/** A resident with ID number and phone always masked; revealing is a separate, audited request. */
export function presentResident({ actor, pii, today }: PresentDeps, r: ResidentRow): ResidentDto {
  return {
    id: r.id,
    householdId: r.householdId,
    name: r.name,
    sex: String(r.sex) as SexCode,
    birthDate: r.birthDate,
    age: ageOn(r.birthDate, r.diedOn ?? today),
    idNumber: masked(pii, r.idNumberEnc, r.idTail, maskIdNumber, 18),
    phone: masked(pii, r.phoneEnc, r.phoneTail, maskPhone, 11),
    relation: r.relation,
    political: r.political,
    ethnicity: r.ethnicity,
    residentType: r.residentType,
    status: r.status,
    tags: r.tags,
    volunteer: r.volunteer,
    note: r.note,
    abilities: residentAbilities(actor, r),
  };
}

export function presentResidentItem(deps: PresentDeps, r: ResidentWithAddress): ResidentSearchItem {
  return { ...presentResident(deps, r), address: presentAddress(r.address) };
}

export function presentHouseholdItem(h: HouseholdWithAddress): HouseholdListItem {
  return {
    id: h.id,
    address: presentAddress(h.address),
    tenure: h.tenure as Tenure,
    status: h.status as HouseholdStatus,
    tags: h.tags,
    headName: h.headName,
    memberCount: h.memberCount,
  };
}

export type VisitSummary = { lastVisitOn: string | null; nextVisitDue: string | null };

export function presentHousehold(deps: PresentDeps, h: HouseholdWithAddress, members: ResidentRow[], visits: VisitSummary): HouseholdDto {
  const rank = (r: ResidentRow) => (r.status === 'active' ? 0 : 1);
  const sorted = [...members].sort((a, b) => rank(a) - rank(b));
  return {
    ...presentHouseholdItem(h),
    members: sorted.map((m) => presentResident(deps, m)),
    ...visits,
    abilities: householdAbilities(deps.actor, h),
  };
}

export function presentHistory(row: typeof registryHistory.$inferSelect): HistoryEntryDto {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: row.changes,
  };
}
