import { ROLE_ABILITIES, type Role, UNSCOPED_ROLE } from '@linli/contracts';
import { type Actor, type ScopedRow, covers, levelKey } from '../../core/actor.js';

/** 调解委员会 supervisors: they see every case of their scope, parties masked. */
const SUPERVISORS: readonly Role[] = ['system_admin', 'street_supervisor', 'community_admin'];

export type CaseAccess = ScopedRow & { status: string; mediatorIds: readonly string[] };

export function isMediatorOf(actor: Actor, c: CaseAccess): boolean {
  return c.mediatorIds.includes(actor.userId);
}

export function isSupervisorOf(actor: Actor, row: ScopedRow): boolean {
  return actor.assignments.some((a) => SUPERVISORS.includes(a.role) && covers(a, row));
}

/** Reading a case: its mediators and the supervisors of its scope; anyone else (the parties too) gets 404. */
export function canSeeCase(actor: Actor, c: CaseAccess): boolean {
  return isMediatorOf(actor, c) || isSupervisorOf(actor, c);
}

/** Sessions, agreements and closing belong to the case's mediators while the case is open. */
export function canWorkOnCase(actor: Actor, c: CaseAccess): boolean {
  return isMediatorOf(actor, c) && c.status === 'open';
}

/** Return visits: the mediators once the parties agreed. */
export function canFollowUp(actor: Actor, c: CaseAccess): boolean {
  return isMediatorOf(actor, c) && c.status === 'agreed';
}

/** The parties' personal data (names, phones, addresses): the mediators only. */
export function canSeeParties(actor: Actor, c: CaseAccess): boolean {
  return isMediatorOf(actor, c);
}

/** Opening a case in a community: a mediation.use assignment covering it. */
export function canOpenCaseIn(actor: Actor, community: ScopedRow): boolean {
  return actor.assignments.some((a) => ROLE_ABILITIES[a.role].includes('mediation.use') && covers(a, community));
}

/** Whether an assignment (with its area's ids) lets a user mediate in the community. */
export function canMediateIn(
  a: { role: Role } & ScopedRow & { areaKind: string | null; areaId: string | null },
  community: ScopedRow,
): boolean {
  if (!ROLE_ABILITIES[a.role].includes('mediation.use')) return false;
  if (a.role === UNSCOPED_ROLE) return true;
  return (
    (a.areaKind === 'community' && a.areaId === community.communityId) ||
    (a.areaKind === 'street' && a.areaId === community.streetId) ||
    (a.areaKind === 'district' && a.areaId === community.districtId)
  );
}

/** The areas the actor supervises cases in (`all` for a system admin), for the list's filter. */
export function supervisedAreas(actor: Actor): { all: boolean; areas: { key: keyof ScopedRow; id: string }[] } {
  const mine = actor.assignments.filter((a) => SUPERVISORS.includes(a.role));
  return {
    all: mine.some((a) => a.role === UNSCOPED_ROLE),
    areas: mine.flatMap((a) => (a.areaKind && a.areaId ? [{ key: levelKey(a.areaKind), id: a.areaId }] : [])),
  };
}

/** Who hears of a case past its month: the street's supervisors (named here, sent to SQL as a parameter). */
export const ESCALATION_ROLES: readonly Role[] = ['street_supervisor'];
