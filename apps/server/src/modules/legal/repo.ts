import type { ConsultationQuery } from '@linli/contracts';
import { and, asc, count, desc, eq, isNull, or } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { handlerOrgs, legalConsultations, legalDutySlots, residents } from '../../db/schema/index.js';

type Conn = Db | Tx;

/** A community node (the same lookup mediation uses). */
export { findCommunityNode as findCommunity } from '../mediation/repo.js';

/** The community's own legal service center, else its street's. */
export async function centerFor(db: Conn, community: { id: string; streetId: string | null }) {
  const [row] = await db
    .select()
    .from(handlerOrgs)
    .where(
      and(
        eq(handlerOrgs.kind, 'legal_center'),
        or(eq(handlerOrgs.communityId, community.id), and(isNull(handlerOrgs.communityId), eq(handlerOrgs.streetId, community.streetId!))),
      ),
    )
    .orderBy(asc(handlerOrgs.communityId))
    .limit(1);
  return row;
}

export async function dutySlotsOf(db: Conn, orgId: string) {
  return db
    .select()
    .from(legalDutySlots)
    .where(eq(legalDutySlots.orgId, orgId))
    .orderBy(asc(legalDutySlots.weekday), asc(legalDutySlots.startsAt));
}

export async function findOrg(db: Conn, id: string) {
  const [row] = await db.select().from(handlerOrgs).where(eq(handlerOrgs.id, id));
  return row;
}

export async function findResidentScope(db: Conn, id: string) {
  const [row] = await db
    .select({ id: residents.id, districtId: residents.districtId, streetId: residents.streetId, communityId: residents.communityId })
    .from(residents)
    .where(eq(residents.id, id));
  return row;
}

export async function insertConsultation(tx: Tx, values: typeof legalConsultations.$inferInsert): Promise<string> {
  const [row] = await tx.insert(legalConsultations).values(values).returning({ id: legalConsultations.id });
  return row!.id;
}

const consultationFields = {
  id: legalConsultations.id,
  orgName: handlerOrgs.name,
  consultedOn: legalConsultations.consultedOn,
  topic: legalConsultations.topic,
  question: legalConsultations.question,
  advice: legalConsultations.advice,
  lawyerName: legalConsultations.lawyerName,
  residentName: residents.name,
};

function consultations(db: Conn) {
  return db
    .select(consultationFields)
    .from(legalConsultations)
    .innerJoin(handlerOrgs, eq(handlerOrgs.id, legalConsultations.orgId))
    .leftJoin(residents, eq(residents.id, legalConsultations.residentId));
}
export type ConsultationRow = Awaited<ReturnType<typeof findConsultation>> & {};

export async function findConsultation(db: Conn, id: string) {
  const [row] = await consultations(db).where(eq(legalConsultations.id, id));
  return row;
}

export async function listConsultations(db: Conn, actor: Actor, q: ConsultationQuery) {
  const where = and(
    scopeFilter(actor, 'legal.use', {
      districtId: legalConsultations.districtId,
      streetId: legalConsultations.streetId,
      communityId: legalConsultations.communityId,
    }),
    q.topic ? eq(legalConsultations.topic, q.topic) : undefined,
  );
  const items = await consultations(db)
    .where(where)
    .orderBy(desc(legalConsultations.consultedOn), asc(legalConsultations.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(legalConsultations).where(where);
  return { items, total: total?.n ?? 0 };
}
