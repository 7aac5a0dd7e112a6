import {
  type CareTagDto,
  type FieldIssue,
  HOUSEHOLD_TRANSITIONS,
  type HouseholdStatus,
  type Locale,
  RESIDENT_TRANSITIONS,
  type ResidentStatus,
} from '@linli/contracts';
import { pinyin } from 'pinyin-pro';
import { type Actor, hasAbility } from '../../core/actor.js';
import { AppError, conflict, forbidden } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import type { Tx } from '../../db/pool.js';
import { REGISTRY_MESSAGES as M } from './messages.js';
import { canReadRegistry, canWriteRegistry } from './policy.js';
import { type HouseholdRow, type ResidentRow, idNumberTaken, lockHousehold, lockResident } from './repo.js';

export const missing = () => new AppError('NOT_FOUND');

/** Users whose roles grant no registry.read at all get 403 before anything is looked up. */
export function requireRegistryReader(actor: Actor): void {
  if (!hasAbility(actor, 'registry.read')) throw forbidden();
}

/** Loads and locks a household for a change: outside the read scope → 404, in it without registry.write → 403. */
export async function householdForWrite(tx: Tx, actor: Actor, id: string): Promise<HouseholdRow> {
  requireRegistryReader(actor);
  const row = await lockHousehold(tx, id);
  if (!row || !canReadRegistry(actor, row)) throw missing();
  if (!canWriteRegistry(actor, row)) throw forbidden();
  return row;
}

export async function residentForWrite(tx: Tx, actor: Actor, id: string): Promise<ResidentRow> {
  requireRegistryReader(actor);
  const row = await lockResident(tx, id);
  if (!row || !canReadRegistry(actor, row)) throw missing();
  if (!canWriteRegistry(actor, row)) throw forbidden();
  return row;
}

/** 409 INVALID_TRANSITION unless the household is active (and, with `to`, may move there). */
export function requireLiveHousehold(h: { status: string }, locale: Locale, to?: HouseholdStatus): void {
  const from = h.status as HouseholdStatus;
  if (from !== 'active' || (to && !HOUSEHOLD_TRANSITIONS[from].includes(to)))
    throw new AppError('INVALID_TRANSITION', M.householdInactive()[locale]);
}

export function requireLiveResident(r: { status: string }, locale: Locale, to?: ResidentStatus): void {
  const from = r.status as ResidentStatus;
  if (from !== 'active' || (to && !RESIDENT_TRANSITIONS[from].includes(to)))
    throw new AppError('INVALID_TRANSITION', M.residentInactive()[locale]);
}

/** Pinyin initials of a name, lower case (张三 → zs, 单雄信 → sxx); other letters are kept. */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', separator: '', surname: 'head' })
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The stored forms of an ID number and a phone: ciphertext, keyed hash, last four. Undefined leaves a field alone. */
export function sealSecrets(pii: Pii, values: { idNumber?: string | null; phone?: string | null }) {
  const out: {
    idNumberEnc?: Buffer | null;
    idNumberHash?: string | null;
    idTail?: string | null;
    phoneEnc?: Buffer | null;
    phoneTail?: string | null;
  } = {};
  if (values.idNumber !== undefined) {
    const id = values.idNumber;
    Object.assign(out, {
      idNumberEnc: id ? pii.encrypt(id) : null,
      idNumberHash: id ? pii.lookupHash(id) : null,
      idTail: id ? id.slice(-4) : null,
    });
  }
  if (values.phone !== undefined) {
    const phone = values.phone;
    Object.assign(out, { phoneEnc: phone ? pii.encrypt(phone) : null, phoneTail: phone ? phone.slice(-4) : null });
  }
  return out;
}

export function openSecret(pii: Pii, enc: Buffer | null): string | null {
  return enc ? pii.decrypt(enc) : null;
}

export const idTakenError = (locale: Locale, path: string) => {
  const message = M.idTaken()[locale];
  return conflict(message, { issues: [{ path, message }] });
};

/** 409 with the field path when another active resident of the district holds the ID number. */
export async function ensureIdFree(
  tx: Tx,
  pii: Pii,
  locale: Locale,
  at: { districtId: string; idNumber: string; path: string; exceptId?: string },
) {
  if (await idNumberTaken(tx, at.districtId, pii.lookupHash(at.idNumber), at.exceptId)) throw idTakenError(locale, at.path);
}

/** The tags newly put on a person or household must be active tags of the community that apply to it. */
export function tagIssue(
  tags: readonly string[] | undefined,
  previous: readonly string[],
  available: readonly CareTagDto[],
  target: 'person' | 'household',
  at: { path: string; locale: Locale },
): FieldIssue | null {
  if (!tags) return null;
  const ok = new Set(available.filter((t) => t.active && (t.appliesTo === 'both' || t.appliesTo === target)).map((t) => t.code));
  const bad = tags.filter((t) => !previous.includes(t) && !ok.has(t));
  return bad.length > 0 ? { path: at.path, message: M.unknownTag(bad)[at.locale] } : null;
}

export const scopeOf = (row: { communityId: string; streetId: string; districtId: string }) => ({
  communityId: row.communityId,
  streetId: row.streetId,
  districtId: row.districtId,
});
