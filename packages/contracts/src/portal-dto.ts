import { z } from 'zod';

/** What the resident portal shows about the signed-in resident's home (null when no active household). */
export const PortalHomeDto = z
  .object({
    home: z
      .object({
        householdId: z.uuid(),
        /** 小区 楼栋 单元 房号 */
        address: z.string(),
        communityId: z.uuid(),
      })
      .nullable(),
  })
  .meta({ id: 'PortalHome' });
export type PortalHomeDto = z.infer<typeof PortalHomeDto>;
