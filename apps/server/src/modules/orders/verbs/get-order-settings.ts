import type { OrderSettingsDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { orderSettingsCommunity } from '../access.js';
import { presentOrderSettings } from '../presenter.js';
import { communityMayClose } from '../repo.js';

/** GET /api/communities/:id/order-settings: for anyone reading orders there. */
export async function getOrderSettings({ ctx, input }: VerbArgs<{ communityId: string }>): Promise<OrderSettingsDto> {
  const community = await orderSettingsCommunity(ctx, input.communityId);
  return presentOrderSettings(ctx.actor, community, await communityMayClose(ctx.db, community.id));
}
