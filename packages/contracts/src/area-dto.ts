import { z } from 'zod';
import { AreaKind, HandlerOrgKind } from './areas.js';

export const AreaAbilities = z.object({ canEdit: z.boolean(), canAddChild: z.boolean(), canDelete: z.boolean() });

export const AreaNodeDto = z
  .object({
    id: z.uuid(),
    kind: AreaKind,
    code: z.string(),
    name: z.string(),
    parentId: z.uuid().nullable(),
    gridId: z.uuid().nullable(),
    childCount: z.number().int(),
    /** buildings only: 单元 count and 层 count (the tallest unit) */
    units: z.number().int().nullable(),
    floors: z.number().int().nullable(),
    abilities: AreaAbilities,
  })
  .meta({ id: 'AreaNode' });
export type AreaNodeDto = z.infer<typeof AreaNodeDto>;

export const AreaListQuery = z.object({
  parentId: z.uuid().optional(),
  kind: AreaKind.optional(),
  q: z.string().trim().max(50).optional(),
});
export type AreaListQuery = z.infer<typeof AreaListQuery>;

export const CreateAreaInput = z.object({
  kind: AreaKind,
  parentId: z.uuid(),
  code: z.string().trim().min(6).max(24),
  name: z.string().trim().min(1).max(80),
  /** for a building: the grid that manages it */
  gridId: z.uuid().optional(),
});
export type CreateAreaInput = z.infer<typeof CreateAreaInput>;

export const UpdateAreaInput = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  gridId: z.uuid().nullable().optional(),
});
export type UpdateAreaInput = z.infer<typeof UpdateAreaInput>;

export const FlatDto = z.object({
  id: z.uuid(),
  unitNo: z.number().int(),
  floorNo: z.number().int(),
  flatNo: z.string(),
  householdCount: z.number().int(),
});
export type FlatDto = z.infer<typeof FlatDto>;

/** A floor plan: per unit, per floor, how many flats. Floors may differ per unit. */
export const BuildingLayoutInput = z.object({
  units: z
    .array(
      z.object({
        unitNo: z.number().int().min(1).max(20),
        floors: z
          .array(z.object({ floorNo: z.number().int().min(-3).max(120), flats: z.number().int().min(0).max(40) }))
          .min(1)
          .max(130),
      }),
    )
    .min(1)
    .max(20),
});
export type BuildingLayoutInput = z.infer<typeof BuildingLayoutInput>;

export const BuildingLayoutDto = z.object({ buildingId: z.uuid(), flats: z.array(FlatDto) });
export type BuildingLayoutDto = z.infer<typeof BuildingLayoutDto>;

export const HandlerOrgDto = z
  .object({
    id: z.uuid(),
    kind: HandlerOrgKind,
    name: z.string(),
    phone: z.string().nullable(),
    areaId: z.uuid(),
    areaName: z.string(),
    abilities: z.object({ canEdit: z.boolean() }),
  })
  .meta({ id: 'HandlerOrg' });
export type HandlerOrgDto = z.infer<typeof HandlerOrgDto>;

export const CreateHandlerOrgInput = z.object({
  kind: HandlerOrgKind,
  name: z.string().trim().min(1).max(80),
  phone: z.string().trim().max(30).optional(),
  /** the street or community the organisation serves */
  areaId: z.uuid(),
});
export type CreateHandlerOrgInput = z.infer<typeof CreateHandlerOrgInput>;
export const UpdateHandlerOrgInput = CreateHandlerOrgInput.omit({ areaId: true }).partial();
export type UpdateHandlerOrgInput = z.infer<typeof UpdateHandlerOrgInput>;

export const AreaRef = z.object({ id: z.uuid(), kind: AreaKind, code: z.string(), name: z.string() });
export type AreaRef = z.infer<typeof AreaRef>;

export const AreaDetailDto = AreaNodeDto.extend({ ancestors: z.array(AreaRef) }).meta({ id: 'AreaDetail' });
export type AreaDetailDto = z.infer<typeof AreaDetailDto>;
