import type { HandlerSuggestions, PersonRef } from '@linli/contracts';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { AuthedCtx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import type { Db } from '../../db/pool.js';
import { handlerOrgs, orders, roleAssignments, services, users } from '../../db/schema/index.js';
import type { OrderRow } from './order-row.js';
import { isOrderDesk } from './policy.js';
import { loadReadableOrder } from './read-service.js';

const HISTORY_DAYS = 90;
const HISTORY_ORGS = 5;

/** Organisations that took orders of this service in this community lately, busiest first. */
async function routingHistory(db: Db, order: OrderRow): Promise<Map<string, number>> {
  const rows = await db
    .select({ orgId: orders.handlerOrgId, n: count() })
    .from(orders)
    .where(
      and(
        eq(orders.communityId, order.communityId),
        gte(orders.placedAt, sql`now() - make_interval(days => ${HISTORY_DAYS})`),
        eq(orders.serviceId, order.serviceId),
        isNotNull(orders.handlerOrgId),
        ne(orders.id, order.id),
      ),
    )
    .groupBy(orders.handlerOrgId)
    .orderBy(desc(count()), asc(orders.handlerOrgId))
    .limit(HISTORY_ORGS + 1);
  return new Map(rows.map((r) => [r.orgId!, r.n]));
}

/** Active handler staff of each organisation, by name. */
async function staffOf(db: Db, orgIds: string[]): Promise<Map<string, PersonRef[]>> {
  const people = new Map<string, PersonRef[]>();
  if (orgIds.length === 0) return people;
  const rows = await db
    .selectDistinct({ orgId: roleAssignments.orgId, id: users.id, name: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(inArray(roleAssignments.orgId, orgIds), eq(roleAssignments.role, 'handler_staff'), eq(users.active, true)))
    .orderBy(asc(roleAssignments.orgId), asc(users.displayName), asc(users.id));
  for (const r of rows) people.set(r.orgId!, [...(people.get(r.orgId!) ?? []), { id: r.id, name: r.name }]);
  return people;
}

/** Where to dispatch (desk only): the service's default organisation, then where such orders went in the last 90 days. */
export async function suggestHandlers({ ctx, input }: { ctx: AuthedCtx; input: { id: string } }): Promise<HandlerSuggestions> {
  const order = await loadReadableOrder(ctx, input.id);
  if (!isOrderDesk(ctx.actor, order)) throw forbidden();
  const [[service], history] = await Promise.all([
    ctx.db.select({ orgId: services.defaultHandlerOrgId }).from(services).where(eq(services.id, order.serviceId)),
    routingHistory(ctx.db, order),
  ]);
  const catalogueOrg = service?.orgId ?? null;
  const historyOrgs = [...history.keys()].filter((id) => id !== catalogueOrg).slice(0, HISTORY_ORGS);
  const orgIds = catalogueOrg ? [catalogueOrg, ...historyOrgs] : historyOrgs;
  if (orgIds.length === 0) return { items: [] };
  const [orgRows, people] = await Promise.all([
    ctx.db.select({ id: handlerOrgs.id, name: handlerOrgs.name }).from(handlerOrgs).where(inArray(handlerOrgs.id, orgIds)),
    staffOf(ctx.db, orgIds),
  ]);
  const names = new Map(orgRows.map((o) => [o.id, o.name]));
  return {
    items: orgIds.map((orgId) => ({
      orgId,
      name: names.get(orgId) ?? '',
      source: orgId === catalogueOrg ? ('catalogue' as const) : ('history' as const),
      orders: history.get(orgId) ?? 0,
      people: people.get(orgId) ?? [],
    })),
  };
}
