import type { BallotDto, VoteChannel, VoteTopicDto } from '@linli/contracts';
import { maskName } from '../map/mask-name.js';
import { type OwnerRule, type OwnerTally, ownerWinner, participationOf, presentOwners } from './owners-rule.js';
import type { ConsultationRow, TallyRow, VoteRow, listVotes } from './repo.js';

export type TopicView = {
  row: ConsultationRow;
  eligible: number;
  tally: readonly TallyRow[];
  mine: VoteRow | undefined;
  /** whether the option tally is shown (staff always, residents once published) */
  showTally: boolean;
  open: boolean;
  /** owners' votes: the count by area and owners with the rule of the topic's kind */
  owners: { tally: OwnerTally; rule: OwnerRule } | null;
  abilities: VoteTopicDto['abilities'];
};

/** The option with the most votes, or null on a tie or before the quorum. */
function winnerOf(counts: { key: string; votes: number }[], quorumReached: boolean): string | null {
  if (!quorumReached) return null;
  const sorted = [...counts].sort((a, b) => b.votes - a.votes);
  if (!sorted[0] || sorted[0].votes === 0 || sorted[0].votes === sorted[1]?.votes) return null;
  return sorted[0].key;
}

export function presentTopic(v: TopicView): VoteTopicDto {
  const { row } = v;
  const byChannel: Record<VoteChannel, number> = { online: 0, in_person: 0, paper: 0 };
  for (const t of v.tally) byChannel[t.channel] += t.n;
  const voted = byChannel.online + byChannel.in_person + byChannel.paper;
  const counts = row.options.map((o) => ({
    key: o.key,
    label: o.label,
    votes: v.tally.filter((t) => t.optionKey === o.key).reduce((s, t) => s + t.n, 0),
  }));
  const o = v.owners;
  const part = o && participationOf(o.tally);
  // an owners' vote stands on the double 2/3 participation, a household vote on its quorum
  const quorumReached = part ? part.areaReached && part.ownersReached : voted >= row.quorum;
  const decided = o ? ownerWinner(o.tally, o.rule) : winnerOf(counts, quorumReached);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    kind: row.kind as VoteTopicDto['kind'],
    eligibility: row.eligibility,
    areaId: row.areaId,
    areaName: row.areaName,
    communityId: row.communityId,
    options: row.options,
    quorum: row.quorum,
    closesAt: row.closesAt.toISOString(),
    status: v.open ? 'open' : 'closed',
    eligibleCount: row.eligibleAtClose ?? v.eligible,
    votedCount: voted,
    byChannel,
    quorumReached,
    tally: v.showTally ? counts : null,
    winner: v.showTally && !v.open ? decided : null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    myVote: v.mine ? { optionKey: v.mine.optionKey, channel: v.mine.channel, castAt: v.mine.castAt.toISOString() } : null,
    abilities: v.abilities,
    owners: o ? presentOwners(o.tally, o.rule, v.showTally) : null,
  };
}

/** A vote as staff see it: the voter's name masked like the registry's lists. */
export function presentBallot(r: Awaited<ReturnType<typeof listVotes>>[number]): BallotDto {
  return {
    id: r.id,
    optionKey: r.optionKey,
    channel: r.channel,
    voterName: r.voterName ? maskName(r.voterName) : '—',
    address: r.buildingName ?? '',
    castAt: r.castAt.toISOString(),
  };
}
