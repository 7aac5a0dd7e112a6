import { HANDLER_ROLES, type HandlerSuggestions } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { loadReadableOrder } from '../access.js';
import { isOrderDesk, orgServesOrder } from '../policy.js';
import { defaultHandlerOrgOf, handlerOrgNames, handlerOrgPlaces, membersOf, routingHistory } from '../repo-dispatch.js';
import { propertyOrgOn } from '../../property/repo.js';

const HISTORY_DAYS = 90;
const HISTORY_ORGS = 5;

/** GET /api/orders/:id/handler-suggestions (desk only): the service's default organisation, then where such orders went lately. */
export async function suggestHandlers({ ctx, input }: VerbArgs<{ id: string }>): Promise<HandlerSuggestions> {
  const order = authorize(await loadReadableOrder(ctx, input.id), { see: () => true, act: (o) => isOrderDesk(ctx.actor, o) });
  // property services go first to the company serving the order's compound (物业), when it has one under contract
  const compoundProperty = order.category === 'property' && order.compoundId;
  const [catalogueOrg, history, propertyOrg] = await Promise.all([
    defaultHandlerOrgOf(ctx.db, order.serviceId),
    routingHistory(ctx.db, order, HISTORY_DAYS, HISTORY_ORGS + 1),
    compoundProperty ? propertyOrgOn(ctx.db, compoundProperty, new Date().toISOString().slice(0, 10)) : null,
  ]);
  const leading = [propertyOrg, catalogueOrg].filter((id, i, all): id is string => !!id && all.indexOf(id) === i);
  const historyOrgs = [...history.keys()].filter((id) => !leading.includes(id)).slice(0, HISTORY_ORGS);
  const places = await handlerOrgPlaces(ctx.db, [...leading, ...historyOrgs]);
  const serving = new Set(places.filter((g) => orgServesOrder(g, order)).map((g) => g.id));
  const orgIds = [...leading, ...historyOrgs].filter((id) => serving.has(id));
  if (orgIds.length === 0) return { items: [] };
  const [names, people] = await Promise.all([handlerOrgNames(ctx.db, orgIds), membersOf(ctx.db, orgIds, HANDLER_ROLES)]);
  return {
    items: orgIds.map((orgId) => ({
      orgId,
      name: names.get(orgId) ?? '',
      source: orgId === propertyOrg ? ('property' as const) : orgId === catalogueOrg ? ('catalogue' as const) : ('history' as const),
      orders: history.get(orgId) ?? 0,
      people: people.get(orgId) ?? [],
    })),
  };
}
