import type { CompoundPropertyList, CompoundPropertyQuery } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { presentCompoundProperty } from '../presenter.js';
import { listCompoundProperty } from '../repo.js';

/** GET /api/compounds/property: the compounds in scope with the company serving each, or none (无物业小区). */
export async function listCompoundPropertyInScope({ ctx, input }: VerbArgs<CompoundPropertyQuery>): Promise<CompoundPropertyList> {
  requireAbility(ctx.actor, 'areas.read');
  const rows = await listCompoundProperty(ctx.db, ctx.actor, input.communityId);
  return { items: rows.map((r) => presentCompoundProperty(ctx.actor, r)) };
}
