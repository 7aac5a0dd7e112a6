import { PARTY_ORG_AREA_KINDS, PARTY_ORG_CHILDREN, PARTY_ORG_ROOTS, type PartyOrgKind, type Role } from '@linli/contracts';
import { type Actor, type ScopedRow, canOn } from '../../core/actor.js';

/**
 * Party records (the tree, members with their personal data, posts) are seen by whoever holds `party.read` over
 * the row's scope — party organisers and community staff, the street above — and edited with `party.write`.
 * Grid workers and building leaders read the registry but not this.
 */
export function canSeeParty(actor: Actor, row: ScopedRow): boolean {
  return canOn(actor, 'party.read', row);
}

export function canEditParty(actor: Actor, row: ScopedRow): boolean {
  return canOn(actor, 'party.write', row);
}

/** Why an organisation of `kind` cannot sit under `parent` on an area of `areaKind`, or null when it can. */
export function placementProblem(kind: PartyOrgKind, parentKind: PartyOrgKind | null, areaKind: string): 'kind' | 'areaId' | null {
  if (parentKind === null ? !PARTY_ORG_ROOTS.includes(kind) : !PARTY_ORG_CHILDREN[parentKind].includes(kind)) return 'kind';
  if (!(PARTY_ORG_AREA_KINDS[kind] as readonly string[]).includes(areaKind)) return 'areaId';
  return null;
}

/** The abilities the web shows buttons for on an organisation. */
export function partyOrgAbilities(actor: Actor, org: ScopedRow & { kind: PartyOrgKind }, isEmpty: boolean) {
  const canEdit = canEditParty(actor, org);
  return { canEdit, canAddChild: canEdit && PARTY_ORG_CHILDREN[org.kind].length > 0, canDelete: canEdit && isEmpty };
}

/** Showing a member's phone in full: pii.reveal over the member's scope (community staff, the street), audited. */
export function canRevealMember(actor: Actor, m: ScopedRow): boolean {
  return canSeeParty(actor, m) && canOn(actor, 'pii.reveal', m);
}

/** An account is opened for an active in-service member reporting here who lives elsewhere and has none yet. */
export function canOpenAccount(
  actor: Actor,
  m: ScopedRow & { registration: string; residentId: string | null; userId: string | null; status: string },
): boolean {
  return canEditParty(actor, m) && m.registration === 'reporting' && !m.residentId && !m.userId && m.status === 'active';
}

/** The role of a reporting member's account: a portal place in the community they report to (no registry, no orders). */
export const REPORTING_MEMBER_ROLE: Role = 'resident';
