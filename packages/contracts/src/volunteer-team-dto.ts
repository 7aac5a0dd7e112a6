import { z } from 'zod';
import { OrderStatus } from './order-machine.js';
import { HoursDto, VolunteerTeamKind } from './volunteer-dto.js';

/** A new team of a community; its leader and roster are set afterwards. */
export const TeamInput = z.object({
  communityId: z.uuid(),
  kind: VolunteerTeamKind,
  name: z.string().trim().min(1).max(40),
});
export type TeamInput = z.infer<typeof TeamInput>;

/** Renaming a team, or naming its leader (a volunteer of the roster; null for none). */
export const TeamUpdateInput = z.object({
  name: z.string().trim().min(1).max(40).optional(),
  kind: VolunteerTeamKind.optional(),
  leaderVolunteerId: z.uuid().nullable().optional(),
});
export type TeamUpdateInput = z.infer<typeof TeamUpdateInput>;

export const TeamMemberInput = z.object({ volunteerId: z.uuid() });
export type TeamMemberInput = z.infer<typeof TeamMemberInput>;
export const TeamMemberParams = z.object({ id: z.uuid(), volunteerId: z.uuid() });

/** Self-reported hours waiting for staff, with whose they are. */
export const PendingHoursItem = HoursDto.extend({ volunteerId: z.uuid(), volunteerName: z.string(), teamName: z.string().nullable() });
export type PendingHoursItem = z.infer<typeof PendingHoursItem>;
export const PendingHoursQuery = z.object({ communityId: z.uuid().optional() });
export const PendingHoursListDto = z.object({ items: z.array(PendingHoursItem) });
export type PendingHoursListDto = z.infer<typeof PendingHoursListDto>;

/** A volunteer-service order of a team, as its leader and its volunteers see it (红管家 orders). */
export const VolunteerOrderDto = z.object({
  id: z.uuid(),
  orderNo: z.string(),
  description: z.string(),
  address: z.string(),
  status: OrderStatus,
  placedAt: z.iso.datetime({ offset: true }),
  stageDueAt: z.iso.datetime({ offset: true }).nullable(),
  handlerUserId: z.uuid().nullable(),
  handlerName: z.string().nullable(),
  /** the caller is the team's leader and the order can still be handed on */
  canHand: z.boolean(),
  /** the order is handed to the caller, who may still give it back to the leader (never to the desk) */
  canGiveBack: z.boolean(),
});
export type VolunteerOrderDto = z.infer<typeof VolunteerOrderDto>;

export const VolunteerOrdersDto = z.object({
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  isLeader: z.boolean(),
  /** volunteers of the team the leader may hand an order to (those with an account on the team) */
  roster: z.array(z.object({ volunteerId: z.uuid(), userId: z.uuid(), name: z.string() })),
  items: z.array(VolunteerOrderDto),
});
export type VolunteerOrdersDto = z.infer<typeof VolunteerOrdersDto>;

export const HandOrderInput = z.object({ volunteerId: z.uuid() });
export type HandOrderInput = z.infer<typeof HandOrderInput>;
/** A handed volunteer gives the order back to the team leader, saying why (it goes on the order's timeline). */
export const GiveBackOrderInput = z.object({ reason: z.string().trim().min(2).max(500) });
export type GiveBackOrderInput = z.infer<typeof GiveBackOrderInput>;
