import { z } from 'zod';

/** A community's order settings: whether its admin closes orders (结案) instead of the street. */
export const OrderSettingsDto = z
  .object({
    communityId: z.uuid(),
    communityMayClose: z.boolean(),
    abilities: z.object({ canEdit: z.boolean() }),
  })
  .meta({ id: 'OrderSettings' });
export type OrderSettingsDto = z.infer<typeof OrderSettingsDto>;

export const OrderSettingsInput = z.object({ communityMayClose: z.boolean() });
export type OrderSettingsInput = z.infer<typeof OrderSettingsInput>;
