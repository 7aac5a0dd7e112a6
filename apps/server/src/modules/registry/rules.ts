import {
  type CareTagDto,
  type FieldIssue,
  HOUSEHOLD_TRANSITIONS,
  type HouseholdStatus,
  type Locale,
  RESIDENT_TRANSITIONS,
  type ResidentStatus,
  localDate,
} from '@linli/contracts';
import { AppError } from '../../core/errors.js';
import { REGISTRY_MESSAGES as M } from './messages.js';

/** 409 INVALID_TRANSITION unless the household is active (and, with `to`, may move there). */
export function requireLiveHousehold(h: { status: string }, locale: Locale, to?: HouseholdStatus): void {
  const from = h.status as HouseholdStatus;
  if (from !== 'active' || (to && !HOUSEHOLD_TRANSITIONS[from].includes(to)))
    throw new AppError('INVALID_TRANSITION', M.householdInactive()[locale]);
}

/** 409 INVALID_TRANSITION unless the resident is active (and, with `to`, may move there). */
export function requireLiveResident(r: { status: string }, locale: Locale, to?: ResidentStatus): void {
  const from = r.status as ResidentStatus;
  if (from !== 'active' || (to && !RESIDENT_TRANSITIONS[from].includes(to)))
    throw new AppError('INVALID_TRANSITION', M.residentInactive()[locale]);
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

/** A date after today is refused: moves and deaths are recorded, not planned. */
export function futureDateIssue(date: string | null | undefined, locale: Locale, path = 'date'): FieldIssue | null {
  return date && date > localDate() ? { path, message: M.futureDate()[locale] } : null;
}

/** The issue of a household that would end up with no head or two. */
export const oneHeadIssue = (locale: Locale, path: string): FieldIssue => ({ path, message: M.oneHead()[locale] });
