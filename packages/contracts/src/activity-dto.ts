import { z } from 'zod';
import { type Text, text } from './locale.js';

/** 志愿服务, 文体/文艺, 教育, 主题党日, 微党课. */
export const ActivityKind = z.enum(['volunteer_service', 'cultural', 'educational', 'party_day', 'micro_lecture']);
export type ActivityKind = z.infer<typeof ActivityKind>;
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, Text> = {
  volunteer_service: text('志愿服务', 'Volunteer service'),
  cultural: text('文体文艺', 'Literary and artistic'),
  educational: text('教育培训', 'Educational'),
  party_day: text('主题党日', 'Themed party day'),
  micro_lecture: text('微党课', 'Micro-lecture'),
};

export const ActivityStatus = z.enum(['open', 'held', 'cancelled']);
export type ActivityStatus = z.infer<typeof ActivityStatus>;
export const SignupStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
export type SignupStatus = z.infer<typeof SignupStatus>;

const Iso = z.iso.datetime({ offset: true });

export const ActivityInput = z.object({
  communityId: z.uuid(),
  kind: ActivityKind,
  title: z.string().trim().min(1).max(100),
  organiser: z.string().trim().min(1).max(60),
  place: z.string().trim().min(1).max(100),
  startsAt: Iso,
  endsAt: Iso,
  capacity: z.number().int().min(1).max(5000),
  teamId: z.uuid().optional(),
  audienceAreaId: z.uuid().optional(),
  audienceTag: z.string().trim().min(1).max(40).optional(),
  audienceTeamId: z.uuid().optional(),
});
export type ActivityInput = z.infer<typeof ActivityInput>;

export const ActivityAbility = z.enum(['sign_up', 'cancel', 'manage', 'check_in']);
export type ActivityAbility = z.infer<typeof ActivityAbility>;

export const ActivityDto = z.object({
  id: z.uuid(),
  kind: ActivityKind,
  title: z.string(),
  organiser: z.string(),
  place: z.string(),
  startsAt: Iso,
  endsAt: Iso,
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  status: ActivityStatus,
  peopleServed: z.number().int(),
  teamId: z.uuid().nullable(),
  communityId: z.uuid(),
  /** the actor's own sign-up on this activity */
  mySignup: z.object({ id: z.uuid(), status: SignupStatus, checkedIn: z.boolean() }).nullable(),
  /** only for those who manage it: shown on the organiser's phone, typed in by participants */
  checkinCode: z.string().nullable(),
  abilities: z.array(ActivityAbility),
});
export type ActivityDto = z.infer<typeof ActivityDto>;

export const ActivityListQuery = z.object({
  communityId: z.uuid().optional(),
  kind: ActivityKind.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
export const ActivityListDto = z.object({ items: z.array(ActivityDto), total: z.number().int() });
export type ActivityListDto = z.infer<typeof ActivityListDto>;

export const SignupDto = z.object({
  id: z.uuid(),
  displayName: z.string(),
  status: SignupStatus,
  /** 1-based place on the waitlist */
  waitlistPosition: z.number().int().nullable(),
  checkedInAt: Iso.nullable(),
  checkedOutAt: Iso.nullable(),
  isVolunteer: z.boolean(),
});
export type SignupDto = z.infer<typeof SignupDto>;
export const SignupListDto = z.object({ items: z.array(SignupDto) });
export type SignupListDto = z.infer<typeof SignupListDto>;

/** Check-in: a participant types the code shown on the organiser's phone; staff check in a sign-up by its id. */
export const CheckInInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
  signupId: z.uuid().optional(),
});
export type CheckInInput = z.infer<typeof CheckInInput>;
export const CheckOutInput = z.object({ signupId: z.uuid() });
export type CheckOutInput = z.infer<typeof CheckOutInput>;

export const HoldActivityInput = z.object({ peopleServed: z.number().int().min(0).max(100000) });
export type HoldActivityInput = z.infer<typeof HoldActivityInput>;

/**
 * The activities held in a period: a calendar `year`, or the days from `from` to `to` (both included, China time);
 * without either, the 365 days up to today (the work report's default period). A year with from/to is refused by the
 * server (in the user's language).
 */
export const ActivityFiguresQuery = z.object({
  communityId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ActivityFiguresQuery = z.infer<typeof ActivityFiguresQuery>;

const Bucket = z.object({ key: z.string(), activities: z.number().int(), peopleServed: z.number().int(), hours: z.number() });
export const ActivityFiguresDto = z.object({
  /** the calendar year asked for, null for a period of days */
  year: z.number().int().nullable(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** byMonth's keys are the period's calendar months, YYYY-MM */
  byKind: z.array(Bucket),
  byMonth: z.array(Bucket),
  byTeam: z.array(Bucket.extend({ name: z.string() })),
  totals: Bucket.omit({ key: true }).extend({ volunteers: z.number().int() }),
});
export type ActivityFiguresDto = z.infer<typeof ActivityFiguresDto>;
