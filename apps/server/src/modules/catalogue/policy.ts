import { type Actor, type Assignment, canOn } from '../../core/actor.js';

/** A street as the catalogue policies see it: its id and its district. */
export type StreetRef = { id: string; districtId: string };

/**
 * Reading a street's catalogue: any signed-in user whose area lies in the street or above it (residents included),
 * and handler staff whose organisation serves the street (`orgStreets`: org id → street id).
 */
export function canReadCatalogue(actor: Actor, street: StreetRef, orgStreets: ReadonlyMap<string, string>): boolean {
  return actor.assignments.some((a) => assignmentSeesStreet(a, street, orgStreets));
}

function assignmentSeesStreet(a: Assignment, street: StreetRef, orgStreets: ReadonlyMap<string, string>): boolean {
  if (a.role === 'system_admin') return true;
  if (a.orgId) return orgStreets.get(a.orgId) === street.id;
  if (a.areaKind === 'district') return a.districtId === street.districtId;
  return a.streetId === street.id;
}

/** Editing a street's catalogue: catalogue.write covering the street (street supervisor, system admin). */
export function canEditCatalogue(actor: Actor, street: StreetRef): boolean {
  return canOn(actor, 'catalogue.write', { districtId: street.districtId, streetId: street.id });
}

/** The street an actor's catalogue defaults to: the first assignment at or below a street, else their org's. */
export function homeStreetOf(actor: Actor, orgStreets: ReadonlyMap<string, string>): string | null {
  for (const a of actor.assignments) if (a.streetId) return a.streetId;
  for (const a of actor.assignments) if (a.orgId && orgStreets.has(a.orgId)) return orgStreets.get(a.orgId)!;
  return null;
}

/** The district-wide assignment (a system admin's, or one on a district) whose first street is the default catalogue. */
export function districtWideAssignment(actor: Actor): Assignment | undefined {
  return actor.assignments.find((a) => a.role === 'system_admin' || a.areaKind === 'district');
}
