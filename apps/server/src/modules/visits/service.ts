import { type CreateVisitInput, type OverdueList, type OverdueQuery, type VisitDto, type VisitListDto, localDate } from '@linli/contracts';
import { hasAbility } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, conflict, forbidden, invalid } from '../../core/errors.js';
import { findNode } from '../areas/repo.js';
import { canFilterByArea } from '../registry/policy.js';
import { householdItems } from '../registry/service-read.js';
import { intervalRules, loadTagSettings } from './intervals.js';
import { VISIT_MESSAGES } from './messages.js';
import { overduePage, overdueScope } from './overdue-repo.js';
import { canReadVisits, canRecordVisit, visitAbilities } from './policy.js';
import { presentOverdue, presentVisit } from './presenter.js';
import { findHousehold, findVisit, insertVisit, listVisitsOf, lockHousehold } from './repo.js';
import { visitSummaries } from './summaries.js';

const missing = () => new AppError('NOT_FOUND');

function requireRegistryRead(ctx: AuthedCtx): void {
  if (!hasAbility(ctx.actor, 'registry.read')) throw forbidden();
}

/** A household's visits, newest first, with its visit summary and whether the actor may record one. */
export async function listHouseholdVisits({ ctx, input }: { ctx: AuthedCtx; input: { householdId: string } }): Promise<VisitListDto> {
  requireRegistryRead(ctx);
  const household = await findHousehold(ctx.db, input.householdId);
  if (!household || !canReadVisits(ctx.actor, household)) throw missing();
  const [rows, summaries] = await Promise.all([listVisitsOf(ctx.db, household.id), visitSummaries(ctx.db, [household.id])]);
  return {
    items: rows.map(presentVisit),
    summary: summaries.get(household.id) ?? { lastVisitOn: null, everyDays: null, nextVisitDue: null },
    abilities: visitAbilities(ctx.actor, household),
  };
}

/** Records a visit by the acting user; the date may not lie in the future, every need found starts open. */
export async function recordVisit({
  ctx,
  input,
}: {
  ctx: AuthedCtx;
  input: CreateVisitInput & { householdId: string };
}): Promise<VisitDto> {
  requireRegistryRead(ctx);
  const id = await ctx.db.transaction(async (tx) => {
    const household = await lockHousehold(tx, input.householdId);
    if (!household || !canReadVisits(ctx.actor, household)) throw missing();
    if (!canRecordVisit(ctx.actor, household)) throw forbidden();
    if (household.status !== 'active') throw conflict(VISIT_MESSAGES.movedOut[ctx.locale], { reason: 'moved_out' });
    if (input.visitedOn > localDate()) throw invalid([{ path: 'visitedOn', message: VISIT_MESSAGES.future[ctx.locale] }]);
    const householdId = household.id;
    const visitId = await insertVisit(tx, {
      householdId,
      districtId: household.districtId,
      streetId: household.streetId,
      communityId: household.communityId,
      compoundId: household.compoundId,
      gridId: household.gridId,
      buildingId: household.buildingId,
      visitorId: ctx.actor.userId,
      visitedOn: input.visitedOn,
      kind: input.kind,
      notes: input.notes,
      needs: input.needs.map((text) => ({ text, status: 'open' as const, orderId: null })),
    });
    await writeAudit(tx, ctx, {
      action: 'visit.create',
      entityType: 'visit',
      entityId: visitId,
      streetId: household.streetId,
      communityId: household.communityId,
      details: { householdId, kind: input.kind, visitedOn: input.visitedOn, needs: input.needs.length },
    });
    return visitId;
  });
  return presentVisit((await findVisit(ctx.db, id))!);
}

/** Households in the actor's scope (and the chosen area) whose visit is overdue, most overdue first. */
export async function listOverdueVisits({ ctx, input }: { ctx: AuthedCtx; input: OverdueQuery }): Promise<OverdueList> {
  requireRegistryRead(ctx);
  const area = input.areaId ? await findNode(ctx.db, input.areaId) : undefined;
  if (input.areaId && (!area || !canFilterByArea(ctx.actor, area))) throw missing();
  const settings = await loadTagSettings(ctx.db);
  const page = await overduePage(ctx.db, {
    ...overdueScope(ctx.actor, area),
    rules: intervalRules(settings),
    today: localDate(),
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
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
