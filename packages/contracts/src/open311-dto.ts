import { z } from 'zod';

/** An Open311 API key as the console shows it; the key itself is never shown again after creation. */
export const Open311KeyDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** first characters of the key, to tell keys apart */
    prefix: z.string(),
    community: z.object({ id: z.uuid(), name: z.string() }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    abilities: z.object({ canRevoke: z.boolean() }),
  })
  .meta({ id: 'Open311Key' });
export type Open311KeyDto = z.infer<typeof Open311KeyDto>;

export const Open311KeyList = z.object({ items: z.array(Open311KeyDto) });
export type Open311KeyList = z.infer<typeof Open311KeyList>;

export const CreateOpen311KeyInput = z.object({
  name: z.string().trim().min(1).max(60),
  /** requests sent with the key land in this community */
  communityId: z.uuid(),
});
export type CreateOpen311KeyInput = z.infer<typeof CreateOpen311KeyInput>;

/** The answer to creating a key: the only time the plain key is shown. */
export const CreatedOpen311Key = Open311KeyDto.extend({ key: z.string() });
export type CreatedOpen311Key = z.infer<typeof CreatedOpen311Key>;
