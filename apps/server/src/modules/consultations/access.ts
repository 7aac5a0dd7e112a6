import type { VoteTopicDto } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { authorize } from '../../core/authorize.js';
import type { Db, Tx } from '../../db/pool.js';
import { ineligibility, isOpen } from './eligibility.js';
import { canManageConsultation, canSeeConsultation, canVoteOnline } from './policy.js';
import { ruleOf } from './owners-rule.js';
import { presentTopic } from './presenter.js';
import { ownedParts, ownerTally, votedParts } from './repo-owners.js';
import { type ConsultationRow, type VoterRow, countEligible, findConsultation, findVoter, householdVote, tallyOf } from './repo.js';

/** The signed-in resident with their household's place, or null for staff accounts. */
export async function voterOf(db: Db | Tx, actor: Actor): Promise<VoterRow | null> {
  return actor.residentId ? ((await findVoter(db, actor.residentId)) ?? null) : null;
}

/** A consultation the actor may see (404 otherwise), with the signed-in resident's household. */
export async function seeConsultation(db: Db | Tx, actor: Actor, id: string) {
  const voter = await voterOf(db, actor);
  const row = authorize(await findConsultation(db, id), { see: (c) => canSeeConsultation(actor, voter, c), entity: 'consultation' });
  return { row, voter };
}

/** The DTO of a consultation for this actor: the tally for managers, for residents once published. */
export async function viewTopic(db: Db | Tx, actor: Actor, voter: VoterRow | null, row: ConsultationRow): Promise<VoteTopicDto> {
  const manage = canManageConsultation(actor, row);
  const open = isOpen(row, new Date());
  // one after another: inside a transaction the queries share one client
  const eligible = row.eligibleAtClose ?? (await countEligible(db, row));
  const tally = await tallyOf(db, row.id);
  const mine = voter ? await householdVote(db, row.id, voter.householdId) : undefined;
  const owners = row.eligibility === 'owners' ? { tally: await ownerTally(db, row), rule: ruleOf(row.kind) } : null;
  // owners' votes: the resident may vote while a part their household owns here has not voted
  const parts = owners && voter ? (await ownedParts(db, row, voter.householdId)).map((p) => p.flatId) : [];
  const unvoted = owners && voter ? parts.length - (await votedParts(db, row.id, parts)).size : mine ? 0 : 1;
  const v = voter && { ...voter, ownedParts: parts.length };
  const mayVote = open && unvoted > 0 && v !== null && canVoteOnline(actor, v, row) && ineligibility(row, v) === null;
  return presentTopic({
    row,
    eligible,
    tally,
    mine,
    open,
    owners,
    showTally: manage || row.publishedAt !== null,
    abilities: { vote: mayVote, record: manage && open, publish: manage && !open && !row.publishedAt },
  });
}
