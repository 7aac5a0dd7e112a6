import type { OrderSettingsDto, OrderSettingsInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { orderSettingsCommunity } from '../access.js';
import { canEditOrderSettings } from '../policy.js';
import { presentOrderSettings } from '../presenter.js';
import { communityMayClose, upsertCommunityMayClose } from '../repo.js';

export type UpdateOrderSettingsInput = OrderSettingsInput & { communityId: string };

/** PUT /api/communities/:id/order-settings: whether the community admin closes orders there instead of the street; audited. */
export async function updateOrderSettings({ ctx, input }: VerbArgs<UpdateOrderSettingsInput>): Promise<OrderSettingsDto> {
  const community = authorize(await orderSettingsCommunity(ctx, input.communityId), {
    see: () => true,
    act: (c) => canEditOrderSettings(ctx.actor, c),
  });
  await inTx(ctx, async (tctx) => {
    const before = await communityMayClose(tctx.tx, community.id);
    await upsertCommunityMayClose(tctx.tx, community.id, input.communityMayClose);
    await writeAudit(tctx, {
      action: 'order_settings.update',
      entityType: 'community',
      entityId: community.id,
      streetId: community.streetId,
      communityId: community.id,
      details: { communityMayClose: { from: before, to: input.communityMayClose } },
    });
  });
  return presentOrderSettings(ctx.actor, community, input.communityMayClose);
}
