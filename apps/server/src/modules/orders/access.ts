import type { OrderDto } from '@linli/contracts';
import { authorize } from '../../core/authorize.js';
import type { AuthedCtx } from '../../core/context.js';
import type { Db, Tx } from '../../db/pool.js';
import { canReadOrder, canReadOrderSettings } from './policy.js';
import { presentOrder } from './presenter.js';
import { type AreaRow, type OrderRow, findAreaNode, findOrder } from './repo.js';
import { findOrderWithRefs, loadOrderRefs } from './repo-refs.js';

/** The order `id` when the actor may read it; 404 when missing or outside what the actor may see. */
export async function loadReadableOrder(ctx: AuthedCtx, id: string, db: Db | Tx = ctx.db): Promise<OrderRow> {
  return authorize(await findOrder(db, id), { see: (o) => canReadOrder(ctx.actor, o), entity: 'order' });
}

/** The order `id` as the actor sees it, read with its names in one statement; 404 as `loadReadableOrder`. */
export async function readOrder(ctx: AuthedCtx, id: string): Promise<OrderDto> {
  const found = authorize(await findOrderWithRefs(ctx.db, id), { see: (f) => canReadOrder(ctx.actor, f.row), entity: 'order' });
  return presentOrder(found.row, { refs: found.refs, pii: ctx.pii, actor: ctx.actor, now: new Date() });
}

/** Presents a row already loaded (callers that hold the row after a move skip the reload), with the actor's abilities. */
export async function presentLoadedOrder(ctx: AuthedCtx, row: OrderRow, db: Db | Tx = ctx.db): Promise<OrderDto> {
  const refs = await loadOrderRefs(db, [row]);
  return presentOrder(row, { refs, pii: ctx.pii, actor: ctx.actor, now: new Date() });
}

/** A community whose order settings the actor may read; 404 otherwise (also for nodes of other kinds). */
export async function orderSettingsCommunity(ctx: AuthedCtx, id: string): Promise<AreaRow> {
  return authorize(await findAreaNode(ctx.db, id), { see: (c) => canReadOrderSettings(ctx.actor, c), entity: 'community' });
}
