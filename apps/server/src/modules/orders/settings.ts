import type { OrderSettingsDto, OrderSettingsInput } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { type Actor, canOn, covers } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, communityOrderSettings } from '../../db/schema/index.js';

type CommunityRow = typeof areaNodes.$inferSelect;

/** Whether the community's admin may close orders (community_order_settings; the street closes by default). */
export async function communityMayClose(db: Db | Tx, communityId: string): Promise<boolean> {
  const [row] = await db
    .select({ v: communityOrderSettings.communityMayClose })
    .from(communityOrderSettings)
    .where(eq(communityOrderSettings.communityId, communityId));
  return row?.v ?? false;
}

/** Changing who closes: a street supervisor or system admin covering the community. */
export function canEditOrderSettings(actor: Actor, community: CommunityRow): boolean {
  return actor.assignments.some((a) => (a.role === 'street_supervisor' || a.role === 'system_admin') && covers(a, community));
}

async function loadCommunity(ctx: AuthedCtx, id: string): Promise<CommunityRow> {
  const [row] = await ctx.db.select().from(areaNodes).where(eq(areaNodes.id, id));
  if (!row || row.kind !== 'community' || !canOn(ctx.actor, 'orders.read', row)) throw new AppError('NOT_FOUND');
  return row;
}

function present(actor: Actor, community: CommunityRow, mayClose: boolean): OrderSettingsDto {
  return { communityId: community.id, communityMayClose: mayClose, abilities: { canEdit: canEditOrderSettings(actor, community) } };
}

/** A community's order settings, for anyone reading orders there. */
export async function getOrderSettings({ ctx, input }: { ctx: AuthedCtx; input: { communityId: string } }): Promise<OrderSettingsDto> {
  const community = await loadCommunity(ctx, input.communityId);
  return present(ctx.actor, community, await communityMayClose(ctx.db, community.id));
}

/** Sets whether the community admin closes orders there; audited. */
export async function updateOrderSettings({
  ctx,
  input,
}: {
  ctx: AuthedCtx;
  input: OrderSettingsInput & { communityId: string };
}): Promise<OrderSettingsDto> {
  const community = await loadCommunity(ctx, input.communityId);
  if (!canEditOrderSettings(ctx.actor, community)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const before = await communityMayClose(tx, community.id);
    await tx
      .insert(communityOrderSettings)
      .values({ communityId: community.id, communityMayClose: input.communityMayClose })
      .onConflictDoUpdate({
        target: communityOrderSettings.communityId,
        set: { communityMayClose: input.communityMayClose, updatedAt: new Date() },
      });
    await writeAudit(tx, ctx, {
      action: 'order_settings.update',
      entityType: 'community',
      entityId: community.id,
      streetId: community.streetId,
      communityId: community.id,
      details: { communityMayClose: { from: before, to: input.communityMayClose } },
    });
  });
  return present(ctx.actor, community, input.communityMayClose);
}
