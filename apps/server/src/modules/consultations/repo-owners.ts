import { type SQL, and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, consultationVotes, flatOwners, flats, households } from '../../db/schema/index.js';
import type { OwnerTally } from './owners-rule.js';
import type { ConsultationRow, VoteRow } from './repo.js';

type Conn = Db | Tx;
type Topic = Pick<ConsultationRow, 'id' | 'areaId' | 'options' | 'ownerBaseAtClose'>;

/** Flats with an owner and a floor area inside the topic's compound or building: the exclusive parts that vote. */
function partsOf(areaId: string): SQL {
  return sql`${flats.floorAreaM2} IS NOT NULL AND ${flats.buildingId} IN (SELECT ${areaNodes.id} FROM ${areaNodes} WHERE ${areaNodes.id} = ${areaId} OR ${areaNodes.compoundId} = ${areaId})`;
}

/** The exclusive parts of the topic's area that this household owns, in flat order, with their building's name. */
export async function ownedParts(db: Conn, c: Pick<Topic, 'areaId'>, householdId: string) {
  return db
    .select({
      flatId: flats.id,
      buildingName: areaNodes.name,
      unitNo: flats.unitNo,
      flatNo: flats.flatNo,
      areaM2: sql<number>`coalesce(${flats.floorAreaM2}, 0)::float8`,
    })
    .from(flatOwners)
    .innerJoin(flats, eq(flats.id, flatOwners.flatId))
    .innerJoin(areaNodes, eq(areaNodes.id, flats.buildingId))
    .where(and(eq(flatOwners.householdId, householdId), partsOf(c.areaId)))
    .orderBy(flats.buildingId, flats.unitNo, flats.flatNo);
}

/** The eligible base now: all owned parts of the area, their area (0.01 m²) and their owners (a household owning several counts once). */
export async function ownerBase(db: Conn, c: Pick<Topic, 'areaId'>) {
  const [r] = await db
    .select({
      areaCm: sql<number>`coalesce(round(sum(${flats.floorAreaM2}) * 100), 0)::int`,
      owners: sql<number>`count(DISTINCT ${flatOwners.householdId})::int`,
      flats: sql<number>`count(*)::int`,
    })
    .from(flatOwners)
    .innerJoin(flats, eq(flats.id, flatOwners.flatId))
    .where(partsOf(c.areaId));
  return r ?? { areaCm: 0, owners: 0, flats: 0 };
}

/** The votes counted both ways: per option and overall, each part once, each owner once. */
export async function ownerTally(db: Conn, c: Topic): Promise<OwnerTally> {
  const measure = {
    areaCm: sql<number>`coalesce(round(sum(${flats.floorAreaM2}) * 100), 0)::int`,
    owners: sql<number>`count(DISTINCT ${consultationVotes.householdId})::int`,
    flats: sql<number>`count(*)::int`,
  };
  const base = () =>
    db
      .select({ ...measure, key: consultationVotes.optionKey })
      .from(consultationVotes)
      .innerJoin(flats, eq(flats.id, consultationVotes.flatId))
      .where(and(eq(consultationVotes.consultationId, c.id), isNotNull(consultationVotes.flatId)));
  const per = await base().groupBy(consultationVotes.optionKey);
  const [all] = await db
    .select(measure)
    .from(consultationVotes)
    .innerJoin(flats, eq(flats.id, consultationVotes.flatId))
    .where(and(eq(consultationVotes.consultationId, c.id), isNotNull(consultationVotes.flatId)));
  const total = c.ownerBaseAtClose ?? (await ownerBase(db, c));
  return {
    total,
    voted: all ?? { areaCm: 0, owners: 0, flats: 0 },
    options: c.options.map((o) => {
      const r = per.find((p) => p.key === o.key);
      return { key: o.key, areaCm: r?.areaCm ?? 0, owners: r?.owners ?? 0 };
    }),
  };
}

/** The vote already cast for this part, if any. */
export async function partVote(db: Conn, consultationId: string, flatId: string): Promise<VoteRow | undefined> {
  const [row] = await db
    .select()
    .from(consultationVotes)
    .where(and(eq(consultationVotes.consultationId, consultationId), eq(consultationVotes.flatId, flatId)));
  return row;
}

/** The parts of `flatIds` that have voted on the topic. */
export async function votedParts(db: Conn, consultationId: string, flatIds: string[]): Promise<Set<string>> {
  if (flatIds.length === 0) return new Set();
  const rows = await db
    .select({ flatId: consultationVotes.flatId })
    .from(consultationVotes)
    .where(
      and(eq(consultationVotes.consultationId, consultationId), sql`${consultationVotes.flatId} = ANY(${sql.param(flatIds)}::uuid[])`),
    );
  return new Set(rows.map((r) => r.flatId!));
}

/** The flat a household lives in, with its area and owner. */
export async function householdFlat(db: Conn, householdId: string) {
  const [row] = await db
    .select({ flatId: flats.id, floorAreaM2: flats.floorAreaM2, ownerHouseholdId: flatOwners.householdId })
    .from(households)
    .innerJoin(flats, eq(flats.id, households.flatId))
    .leftJoin(flatOwners, eq(flatOwners.flatId, flats.id))
    .where(eq(households.id, householdId));
  return row;
}

/** Sets a flat's floor area and its owner household (or none). */
export async function setOwnership(tx: Tx, flatId: string, floorAreaM2: number, owner: string | null): Promise<void> {
  await tx.update(flats).set({ floorAreaM2 }).where(eq(flats.id, flatId));
  await tx.delete(flatOwners).where(eq(flatOwners.flatId, flatId));
  if (!owner) return;
  const [f] = await tx.select().from(flats).where(eq(flats.id, flatId));
  await tx
    .insert(flatOwners)
    .values({ flatId, householdId: owner, communityId: f!.communityId, streetId: f!.streetId, districtId: f!.districtId });
}
