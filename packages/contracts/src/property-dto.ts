import { z } from 'zod';

const Day = z.iso.date();

/** 物业管理: which property company serves a compound and for which contract period, or none (无物业小区, served by the community). */
export const CompoundPropertyDto = z.object({
  compoundId: z.uuid(),
  compoundName: z.string(),
  communityId: z.uuid(),
  /** property: a company under contract; community: 无物业小区, the community serves it */
  servedBy: z.enum(['property', 'community']),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  contractStart: Day.nullable(),
  contractEnd: Day.nullable(),
  abilities: z.array(z.enum(['edit'])),
});
export type CompoundPropertyDto = z.infer<typeof CompoundPropertyDto>;

export const CompoundPropertyList = z.object({ items: z.array(CompoundPropertyDto) });
export type CompoundPropertyList = z.infer<typeof CompoundPropertyList>;

export const CompoundPropertyQuery = z.object({ communityId: z.uuid().optional() });
export type CompoundPropertyQuery = z.infer<typeof CompoundPropertyQuery>;

export const CompoundParams = z.object({ compoundId: z.uuid() });

/** Setting a compound's property management: a company with its contract period, or `orgId: null` for none. */
export const CompoundPropertyInput = z.object({
  orgId: z.uuid().nullable(),
  contractStart: Day.nullable().default(null),
  contractEnd: Day.nullable().default(null),
});
export type CompoundPropertyInput = z.infer<typeof CompoundPropertyInput>;
