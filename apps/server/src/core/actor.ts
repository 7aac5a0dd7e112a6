import type { Ability, AreaKind, Locale, Role } from '@linli/contracts';
import { ROLE_ABILITIES, UNSCOPED_ROLE, abilitiesOf } from '@linli/contracts';

/** One role assignment with the ancestor ids of its area, so coverage checks need no query. */
export type Assignment = {
  role: Role;
  areaId: string | null;
  areaKind: AreaKind | null;
  orgId: string | null;
  districtId: string | null;
  streetId: string | null;
  communityId: string | null;
  compoundId: string | null;
  gridId: string | null;
  buildingId: string | null;
};

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  /** the language the user saved, null when they never chose one */
  locale: Locale | null;
  residentId: string | null;
  assignments: Assignment[];
  roles: Role[];
  abilities: Ability[];
};

export function buildActor(user: Omit<Actor, 'roles' | 'abilities'>): Actor {
  const roles = [...new Set(user.assignments.map((a) => a.role))];
  return { ...user, roles, abilities: abilitiesOf(roles) };
}

export function hasAbility(actor: Actor | null, ability: Ability): boolean {
  return Boolean(actor?.abilities.includes(ability));
}

/** The assignments whose role grants `ability`. */
export function assignmentsWith(actor: Actor, ability: Ability): Assignment[] {
  return actor.assignments.filter((a) => ROLE_ABILITIES[a.role].includes(ability));
}

/** Ancestor ids a row carries; a row is inside an assignment when the id at the assignment's level matches. */
export type ScopedRow = {
  districtId?: string | null;
  streetId?: string | null;
  communityId?: string | null;
  compoundId?: string | null;
  gridId?: string | null;
  buildingId?: string | null;
};

const LEVEL_KEY: Record<AreaKind, keyof ScopedRow> = {
  district: 'districtId',
  street: 'streetId',
  community: 'communityId',
  compound: 'compoundId',
  grid: 'gridId',
  building: 'buildingId',
};

export function levelKey(kind: AreaKind): keyof ScopedRow {
  return LEVEL_KEY[kind];
}

/** True when `row` lies inside the area of `a` (system admins cover everything). */
export function covers(a: Assignment, row: ScopedRow): boolean {
  if (a.role === UNSCOPED_ROLE) return true;
  if (!a.areaKind || !a.areaId) return false;
  return row[LEVEL_KEY[a.areaKind]] === a.areaId;
}

/** True when some assignment granting `ability` covers `row`. */
export function canOn(actor: Actor | null, ability: Ability, row: ScopedRow): boolean {
  return Boolean(actor && assignmentsWith(actor, ability).some((a) => covers(a, row)));
}
