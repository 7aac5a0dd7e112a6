import { type Actor, type ScopedRow, canOn, hasAbility } from '../../core/actor.js';
import { isConcerned } from './eligibility.js';
import type { ConsultationRow, VoterRow } from './repo.js';

/** Opening topics, recording desk and paper votes and publishing results: consultations.manage covering the community. */
export function canManageConsultation(actor: Actor, row: ScopedRow): boolean {
  return canOn(actor, 'consultations.manage', row);
}

/** Seeing a topic: its managers, and the residents concerned (whose household lies where it is put). */
export function canSeeConsultation(actor: Actor, voter: VoterRow | null, c: ConsultationRow): boolean {
  return canManageConsultation(actor, c) || (voter !== null && hasAbility(actor, 'portal.use') && isConcerned(c, voter));
}

/** Voting online from the portal: a resident with portal.use who is concerned (eligibility is checked by the verb). */
export function canVoteOnline(actor: Actor, voter: VoterRow | null, c: ConsultationRow): boolean {
  return voter !== null && hasAbility(actor, 'portal.use') && isConcerned(c, voter);
}
