import type { DuplicateCandidate, DuplicateList, DuplicateQuery } from '@linli/contracts';
import { type SQL, and, desc, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import { type Actor, type ScopedRow, canOn, hasAbility } from '../../core/actor.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, forbidden, invalid } from '../../core/errors.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, households, orders, residents } from '../../db/schema/index.js';
import { type OrderRefs, loadOrderRefs } from './order-refs.js';
import type { OrderRow } from './order-row.js';
import { canReadOrder } from './policy.js';
import { placeText, presentOrderItem } from './presenter.js';
import { ORDER_READ_MESSAGES } from './read-messages.js';
import { loadReadableOrder } from './read-service.js';

/** Orders that may still absorb a duplicate (并单): not yet handled. */
const MERGEABLE = ['placed', 'dispatched', 'accepted', 'in_progress'] as const;
const MIN_SIMILARITY = 0.2;
const MAX_CANDIDATES = 10;

type Where = ScopedRow & { compoundId: string | null; buildingId: string | null };
type Probe = { serviceId: string; text: string; where: Where; excludeId?: string };

const missing = () => new AppError('NOT_FOUND');

/** Open orders of the same service in the same compound (or building, where there is no compound) with similar text. */
export async function findDuplicates(db: Db | Tx, p: Probe): Promise<(OrderRow & { similarity: number; sameBuilding: boolean })[]> {
  const place: SQL | undefined = p.where.compoundId
    ? eq(orders.compoundId, p.where.compoundId)
    : p.where.buildingId
      ? eq(orders.buildingId, p.where.buildingId)
      : undefined;
  if (!place) return [];
  const similarity = sql<number>`similarity(${orders.description}, ${p.text})`.mapWith(Number);
  const sameBuilding = (p.where.buildingId ? sql`coalesce(${orders.buildingId} = ${p.where.buildingId}, false)` : sql`false`).mapWith(
    Boolean,
  );
  return db
    .select({ ...getTableColumns(orders), similarity, sameBuilding })
    .from(orders)
    .where(
      and(
        inArray(orders.status, [...MERGEABLE]),
        eq(orders.serviceId, p.serviceId),
        place,
        p.excludeId ? ne(orders.id, p.excludeId) : undefined,
        sql`${similarity} >= ${MIN_SIMILARITY}`,
      ),
    )
    .orderBy(desc(sameBuilding), desc(similarity), desc(orders.placedAt))
    .limit(MAX_CANDIDATES);
}

/** A candidate the actor could not open shows its building, never the neighbour's flat. */
function presentCandidate(
  actor: Actor,
  row: OrderRow & { similarity: number; sameBuilding: boolean },
  refs: OrderRefs,
  now: Date,
): DuplicateCandidate {
  const item = presentOrderItem(row, refs, now);
  const place = canReadOrder(actor, row) ? item.place : placeText({ ...row, flatId: null, address: '' }, refs);
  return { ...item, place, similarity: Math.round(row.similarity * 100) / 100, sameBuilding: row.sameBuilding };
}

async function presentCandidates(ctx: AuthedCtx, probe: Probe): Promise<DuplicateList> {
  const rows = await findDuplicates(ctx.db, probe);
  const refs = await loadOrderRefs(ctx.db, rows);
  const now = new Date();
  return { items: rows.map((r) => presentCandidate(ctx.actor, r, refs, now)) };
}

async function ownHousehold(db: Db, actor: Actor): Promise<typeof households.$inferSelect | undefined> {
  if (!actor.residentId) return undefined;
  const [row] = await db
    .select({ ...getTableColumns(households) })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(eq(residents.id, actor.residentId));
  return row;
}

/** Where an order being placed is: the named household or building, which the actor may order for, or the resident's own home. */
async function intakeWhere(ctx: AuthedCtx, q: DuplicateQuery): Promise<Where> {
  const { actor } = ctx;
  const mayPlace = hasAbility(actor, 'orders.place');
  if (!mayPlace && !actor.residentId) throw forbidden();
  const own = await ownHousehold(ctx.db, actor);
  if (q.householdId) {
    if (own?.id === q.householdId) return own;
    const [h] = await ctx.db.select().from(households).where(eq(households.id, q.householdId));
    if (!h || !canOn(actor, 'orders.place', h)) throw missing();
    return h;
  }
  if (q.buildingId && mayPlace) {
    const [b] = await ctx.db.select().from(areaNodes).where(eq(areaNodes.id, q.buildingId));
    if (!b || b.kind !== 'building' || !canOn(actor, 'orders.place', b)) throw missing();
    return { ...b, buildingId: b.id };
  }
  if (own) return own;
  throw invalid([{ path: 'householdId', message: ORDER_READ_MESSAGES.whereRequired[ctx.locale] }]);
}

/** 并单 candidates at intake, before the order exists. */
export async function listIntakeDuplicates({ ctx, input }: { ctx: AuthedCtx; input: DuplicateQuery }): Promise<DuplicateList> {
  const where = await intakeWhere(ctx, input);
  return presentCandidates(ctx, { serviceId: input.serviceId, text: input.description, where });
}

/** 并单 candidates for an order at dispatch: staff reading orders there only. */
export async function listOrderDuplicates({ ctx, input }: { ctx: AuthedCtx; input: { id: string } }): Promise<DuplicateList> {
  const order = await loadReadableOrder(ctx, input.id);
  if (!canOn(ctx.actor, 'orders.read', order)) throw forbidden();
  return presentCandidates(ctx, { serviceId: order.serviceId, text: order.description, where: order, excludeId: order.id });
}
