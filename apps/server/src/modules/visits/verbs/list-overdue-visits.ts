import { type OverdueList, type OverdueQuery, localDate } from '@linli/contracts';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { findNode } from '../../areas/repo.js';
import { householdItems } from '../../registry/cards.js';
import { canFilterByArea } from '../../registry/policy.js';
import { intervalRules } from '../intervals.js';
import { OVERDUE_CONTACT_ROLES } from '../policy.js';
import { presentOverdue } from '../presenter.js';
import { loadTagSettings } from '../repo.js';
import { disableJit, overduePage, overdueScope } from '../repo-overdue.js';

/** GET /api/visits/overdue: households in the actor's scope (and the chosen area) whose visit is overdue (or due within `dueWithinDays`), never visited first, then most overdue. */
export async function listOverdueVisits({ ctx, input }: VerbArgs<OverdueQuery>): Promise<OverdueList> {
  requireAbility(ctx.actor, 'registry.read');
  const area = input.areaId
    ? authorize(await findNode(ctx.db, input.areaId), { see: (a) => canFilterByArea(ctx.actor, a), entity: 'area' })
    : undefined;
  const settings = await loadTagSettings(ctx.db);
  const page = await inTx(ctx, async (tctx) => {
    await disableJit(tctx.tx);
    return overduePage(tctx.tx, {
      ...overdueScope(ctx.actor, area),
      rules: intervalRules(settings),
      today: localDate(),
      dueWithinDays: input.dueWithinDays,
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
      contactRoles: OVERDUE_CONTACT_ROLES,
    });
  });
  const items = await householdItems(
    ctx.db,
    page.items.map((i) => i.householdId),
  );
  return {
    items: presentOverdue(page.items, new Map(items.map((h) => [h.id, h]))),
    total: page.total,
    page: input.page,
    pageSize: input.pageSize,
    byGrid: page.byGrid,
  };
}
