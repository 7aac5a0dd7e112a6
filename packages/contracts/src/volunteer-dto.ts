import { z } from 'zod';
import { type Text, text } from './locale.js';

/** 党员志愿服务队, 红管家, 文艺队, or another team. */
export const VolunteerTeamKind = z.enum(['party_service', 'red_butler', 'art_culture', 'other']);
export type VolunteerTeamKind = z.infer<typeof VolunteerTeamKind>;
export const TEAM_KIND_LABELS: Record<VolunteerTeamKind, Text> = {
  party_service: text('党员志愿服务队', 'Party volunteer service team'),
  red_butler: text('红管家服务队', 'Red Butler group'),
  art_culture: text('文艺团队', 'Art and culture team'),
  other: text('其他团队', 'Other team'),
};

/** Where hours come from: check-in/out, the organiser, the volunteer (verified), a closed volunteer-service order. */
export const HoursSource = z.enum(['checkin', 'organiser', 'self', 'order']);
export type HoursSource = z.infer<typeof HoursSource>;
export const HoursStatus = z.enum(['pending', 'verified', 'rejected']);
export type HoursStatus = z.infer<typeof HoursStatus>;

/** Default star levels (cumulative hours): 一星 100 h … 五星 1500 h; a community may change them. */
export const DEFAULT_STAR_THRESHOLDS: readonly number[] = [100, 300, 600, 1000, 1500];

/** The star level reached with `hours` (0 below the first threshold). */
export function starLevel(hours: number, thresholds: readonly number[] = DEFAULT_STAR_THRESHOLDS): number {
  return thresholds.filter((t) => hours >= t).length;
}

const Phone = z.string().regex(/^1\d{10}$/);

export const VolunteerInput = z.object({
  /** staff register a resident of their community; a resident registering themselves leaves it out */
  residentId: z.uuid().optional(),
  /** staff registering someone who is not in the registry name the community */
  communityId: z.uuid().optional(),
  name: z.string().trim().min(1).max(40).optional(),
  consentExtra: z.boolean().default(false),
  phone: Phone.optional(),
  skills: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  availability: z.string().trim().max(200).optional(),
  teamId: z.uuid().optional(),
});
export type VolunteerInput = z.infer<typeof VolunteerInput>;

export const VolunteerDto = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  skills: z.array(z.string()),
  availability: z.string().nullable(),
  consentExtra: z.boolean(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  communityName: z.string(),
  registeredBy: z.enum(['staff', 'self']),
  hours: z.number(),
  stars: z.number().int(),
  communityId: z.uuid(),
  abilities: z.array(z.enum(['edit', 'record_hours'])),
});
export type VolunteerDto = z.infer<typeof VolunteerDto>;

export const VolunteerListQuery = z.object({
  communityId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type VolunteerListQuery = z.infer<typeof VolunteerListQuery>;
export const VolunteerListDto = z.object({ items: z.array(VolunteerDto), total: z.number().int() });
export type VolunteerListDto = z.infer<typeof VolunteerListDto>;

export const TeamDto = z.object({
  id: z.uuid(),
  kind: VolunteerTeamKind,
  name: z.string(),
  leaderName: z.string().nullable(),
  members: z.number().int(),
  hours: z.number(),
  communityId: z.uuid(),
  leaderVolunteerId: z.uuid().nullable(),
  canEdit: z.boolean(),
});
export type TeamDto = z.infer<typeof TeamDto>;
export const TeamListDto = z.object({ items: z.array(TeamDto) });
export type TeamListDto = z.infer<typeof TeamListDto>;

/** One service record as the record rules list it. */
export const HoursDto = z.object({
  id: z.uuid(),
  source: HoursSource,
  status: HoursStatus,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  hours: z.number(),
  place: z.string().nullable(),
  content: z.string(),
  peopleServed: z.number().int(),
  organiser: z.string(),
  activityId: z.uuid().nullable(),
  orderId: z.uuid().nullable(),
  /** why staff rejected it */
  decisionNote: z.string().nullable(),
});
export type HoursDto = z.infer<typeof HoursDto>;

export const LedgerDto = z.object({
  volunteer: VolunteerDto,
  items: z.array(HoursDto),
  verifiedHours: z.number(),
  pendingHours: z.number(),
  stars: z.number().int(),
  thresholds: z.array(z.number().int()),
  nextThreshold: z.number().int().nullable(),
});
export type LedgerDto = z.infer<typeof LedgerDto>;

/** Self-reported hours (checked by staff) or hours the organiser enters for a volunteer. */
export const HoursInput = z.object({
  volunteerId: z.uuid().optional(),
  activityId: z.uuid().optional(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().max(100).optional(),
  content: z.string().trim().min(1).max(500),
  peopleServed: z.number().int().min(0).max(10000).default(0),
});
export type HoursInput = z.infer<typeof HoursInput>;

/** Accepting or rejecting self-reported hours; a rejection says why (the volunteer sees it in their ledger). */
export const VerifyHoursInput = z.object({ approve: z.boolean(), reason: z.string().trim().min(2).max(200).optional() });
export type VerifyHoursInput = z.infer<typeof VerifyHoursInput>;

export const StarSettingsInput = z.object({
  communityId: z.uuid(),
  thresholds: z.array(z.number().int().min(1).max(100000)).min(1).max(10),
});
export type StarSettingsInput = z.infer<typeof StarSettingsInput>;
