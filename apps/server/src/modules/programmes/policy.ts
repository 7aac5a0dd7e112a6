import { type Actor, type ScopedRow, assignmentsWith, canOn, covers } from '../../core/actor.js';

type CommunityRow = ScopedRow & { communityId: string };

/** Seeing a programme: programmes.read over its community, or inside it (a grid worker sees their community's). */
export function canSeeProgramme(actor: Actor, row: CommunityRow): boolean {
  return assignmentsWith(actor, 'programmes.read').some((a) => covers(a, row) || a.communityId === row.communityId);
}

/** Running it (create, enrol, record sessions): programmes.write over its community. */
export function canRunProgramme(actor: Actor, row: CommunityRow): boolean {
  return assignmentsWith(actor, 'programmes.write').some((a) => covers(a, row));
}

/** The buttons a programme shows. */
export function programmeAbilities(actor: Actor, row: CommunityRow) {
  const run = canRunProgramme(actor, row);
  return { canEnrol: run, canRecordSession: run, canEdit: run };
}

type ResidentRow = ScopedRow & { communityId: string; gridId: string | null };

/**
 * Enrolling one resident: those who run the programme, or a grid worker (网格员) reading programmes for a resident of
 * their own grid in the programme's community; they still cannot create, edit or record sessions.
 */
export function canEnrolResident(actor: Actor, programme: CommunityRow, resident: ResidentRow): boolean {
  if (canRunProgramme(actor, programme)) return true;
  if (resident.communityId !== programme.communityId || !resident.gridId) return false;
  return assignmentsWith(actor, 'programmes.read').some((a) => a.role === 'grid_worker' && a.areaKind === 'grid' && covers(a, resident));
}

/** Turning an unserved resident's need into a service order: placing orders (proxy) where the resident lives. */
export const canOrderForResident = (actor: Actor, resident: ResidentRow): boolean => canOn(actor, 'orders.place', resident);

/** The two actions of a card on the unserved list. */
export const unservedAbilities = (actor: Actor, programme: CommunityRow, resident: ResidentRow) => ({
  canEnrol: canEnrolResident(actor, programme, resident),
  canOrder: canOrderForResident(actor, resident),
});

type StreetRow = ScopedRow & { streetId: string };

/** Social organisations serve a whole street: anyone reading programmes in the street sees its organisations (三社联动). */
export function canSeeSocialOrg(actor: Actor, org: StreetRow): boolean {
  return assignmentsWith(actor, 'programmes.read').some((a) => covers(a, org) || a.streetId === org.streetId);
}

/** Registering their social workers: programmes.write anywhere in the street. */
export function canEditSocialOrg(actor: Actor, org: StreetRow): boolean {
  return assignmentsWith(actor, 'programmes.write').some((a) => covers(a, org) || a.streetId === org.streetId);
}

/** The streets whose social organisations the actor sees (null: every street). */
export function socialOrgStreets(actor: Actor): string[] | null {
  const all = assignmentsWith(actor, 'programmes.read');
  if (all.some((a) => a.areaKind === null || a.areaKind === 'district')) return null;
  return [...new Set(all.flatMap((a) => (a.streetId ? [a.streetId] : [])))];
}
