import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../core/actor.js';
import { scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, consultationVotes, consultations, households, residents } from '../../db/schema/index.js';
import { REPRESENTATIVE_TAG } from './eligibility.js';
import { ownerBase } from './repo-owners.js';

type Conn = Db | Tx;
export type ConsultationRow = typeof consultations.$inferSelect & { areaName: string };
export type VoteRow = typeof consultationVotes.$inferSelect;

export { findAreaRow as findArea } from '../areas/repo.js';

export async function insertConsultation(tx: Tx, values: typeof consultations.$inferInsert): Promise<string> {
  const [row] = await tx.insert(consultations).values(values).returning({ id: consultations.id });
  return row!.id;
}

function withArea(db: Conn) {
  return db
    .select({ c: consultations, areaName: areaNodes.name })
    .from(consultations)
    .innerJoin(areaNodes, eq(areaNodes.id, consultations.areaId));
}
const flatten = (r: { c: typeof consultations.$inferSelect; areaName: string }): ConsultationRow => ({ ...r.c, areaName: r.areaName });

export async function findConsultation(db: Conn, id: string): Promise<ConsultationRow | undefined> {
  const [row] = await withArea(db).where(eq(consultations.id, id));
  return row && flatten(row);
}

/** The consultation locked for the vote or publication at hand: votes of one topic queue behind each other. */
export async function lockConsultation(tx: Tx, id: string): Promise<ConsultationRow | undefined> {
  const [row] = await withArea(tx).where(eq(consultations.id, id)).for('update', { of: consultations });
  return row && flatten(row);
}

/** Consultations in the actor's scope (staff), or those of the resident's compound, building or community. */
export async function listConsultations(db: Conn, actor: Actor, voter: VoterRow | null, page: { page: number; pageSize: number }) {
  const staff = scopeFilter(actor, 'consultations.manage', {
    districtId: consultations.districtId,
    streetId: consultations.streetId,
    communityId: consultations.communityId,
  });
  const own = voter
    ? sql`(${consultations.compoundId} = ${voter.compoundId} OR ${consultations.buildingId} = ${voter.buildingId} OR (${consultations.eligibility} = 'representatives' AND ${consultations.communityId} = ${voter.communityId}))`
    : sql`false`;
  const where = sql`(${staff} OR ${own})`;
  const items = await withArea(db)
    .where(where)
    .orderBy(desc(consultations.closesAt), asc(consultations.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db.select({ n: count() }).from(consultations).where(where);
  return { items: items.map(flatten), total: total?.n ?? 0 };
}

/** A resident with their household's place, for voting and for what a resident sees. */
export async function findVoter(db: Conn, residentId: string) {
  const [row] = await db
    .select({
      residentId: residents.id,
      name: residents.name,
      tags: residents.tags,
      status: residents.status,
      householdId: households.id,
      householdStatus: households.status,
      districtId: households.districtId,
      streetId: households.streetId,
      communityId: households.communityId,
      compoundId: households.compoundId,
      buildingId: households.buildingId,
    })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(eq(residents.id, residentId));
  return row;
}
export type VoterRow = NonNullable<Awaited<ReturnType<typeof findVoter>>>;

/** How many households (or representatives' households) may vote now. */
export async function countEligible(db: Conn, c: ConsultationRow): Promise<number> {
  if (c.eligibility === 'owners') return (await ownerBase(db, c)).flats;
  if (c.eligibility === 'representatives') {
    const [r] = await db
      .select({ n: sql<number>`count(DISTINCT ${residents.householdId})::int` })
      .from(residents)
      .where(
        and(eq(residents.communityId, c.communityId), eq(residents.status, 'active'), sql`${REPRESENTATIVE_TAG} = ANY(${residents.tags})`),
      );
    return r?.n ?? 0;
  }
  const areaCol = c.eligibility === 'building_households' ? households.buildingId : households.compoundId;
  const [r] = await db
    .select({ n: count() })
    .from(households)
    .where(and(eq(areaCol, c.areaId), eq(households.status, 'active')));
  return r?.n ?? 0;
}

export async function tallyOf(db: Conn, consultationId: string) {
  return db
    .select({ optionKey: consultationVotes.optionKey, channel: consultationVotes.channel, n: count() })
    .from(consultationVotes)
    .where(eq(consultationVotes.consultationId, consultationId))
    .groupBy(consultationVotes.optionKey, consultationVotes.channel);
}
export type TallyRow = Awaited<ReturnType<typeof tallyOf>>[number];

export async function householdVote(db: Conn, consultationId: string, householdId: string): Promise<VoteRow | undefined> {
  const [row] = await db
    .select()
    .from(consultationVotes)
    .where(and(eq(consultationVotes.consultationId, consultationId), eq(consultationVotes.householdId, householdId)));
  return row;
}

export async function insertVote(tx: Tx, values: typeof consultationVotes.$inferInsert): Promise<VoteRow> {
  const [row] = await tx.insert(consultationVotes).values(values).returning();
  return row!;
}

export async function markPublished(tx: Tx, c: ConsultationRow, eligible: number): Promise<void> {
  const ownerBaseAtClose = c.eligibility === 'owners' ? await ownerBase(tx, c) : null;
  await tx
    .update(consultations)
    .set({ publishedAt: new Date(), eligibleAtClose: eligible, ownerBaseAtClose })
    .where(eq(consultations.id, c.id));
}

const building = alias(areaNodes, 'ballot_building');

/** The votes of a consultation with the voter and their building, newest first. */
export async function listVotes(db: Conn, consultationId: string) {
  return db
    .select({
      id: consultationVotes.id,
      optionKey: consultationVotes.optionKey,
      channel: consultationVotes.channel,
      castAt: consultationVotes.castAt,
      voterName: residents.name,
      buildingName: building.name,
    })
    .from(consultationVotes)
    .innerJoin(households, eq(households.id, consultationVotes.householdId))
    .leftJoin(residents, eq(residents.id, consultationVotes.residentId))
    .leftJoin(building, eq(building.id, households.buildingId))
    .where(eq(consultationVotes.consultationId, consultationId))
    .orderBy(desc(consultationVotes.castAt), asc(consultationVotes.id));
}
