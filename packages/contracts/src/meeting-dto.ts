import { z } from 'zod';
import { PageQuery, paged } from './common.js';
import { FieldValue } from './catalogue-dto.js';
import { MediationStatus, OpenMediationInput } from './mediation-dto.js';
import { OrderStatus } from './order-machine.js';

type Label = { 'zh-CN': string; en: string };

/** 居民代表会议 · 联席会议 · 党建联盟 */
export const MeetingKind = z.enum(['representative', 'joint', 'party_alliance']);
export type MeetingKind = z.infer<typeof MeetingKind>;
export const MEETING_KIND_LABELS: Record<MeetingKind, Label> = {
  representative: { 'zh-CN': '居民代表会议', en: 'Resident representative meeting' },
  joint: { 'zh-CN': '联席会议', en: 'Joint meeting' },
  party_alliance: { 'zh-CN': '党建联盟会议', en: 'Party-building alliance' },
};

/** draft → held → closed, nothing else. */
export const MeetingStatus = z.enum(['draft', 'held', 'closed']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export const MEETING_STATUS_LABELS: Record<MeetingStatus, Label> = {
  draft: { 'zh-CN': '筹备中', en: 'Draft' },
  held: { 'zh-CN': '已召开', en: 'Held' },
  closed: { 'zh-CN': '已归档', en: 'Closed' },
};
export const MEETING_NEXT_STATUS: Record<MeetingStatus, MeetingStatus | null> = { draft: 'held', held: 'closed', closed: null };

export const Attendance = z.enum(['pending', 'present', 'absent', 'excused']);
export type Attendance = z.infer<typeof Attendance>;
export const ATTENDANCE_LABELS: Record<Attendance, Label> = {
  pending: { 'zh-CN': '未登记', en: 'Not marked' },
  present: { 'zh-CN': '出席', en: 'Present' },
  absent: { 'zh-CN': '缺席', en: 'Absent' },
  excused: { 'zh-CN': '请假', en: 'Excused' },
};

export const InviteeRole = z.enum(['representative', 'party_member', 'property', 'handler', 'street', 'guest']);
export type InviteeRole = z.infer<typeof InviteeRole>;
export const INVITEE_ROLE_LABELS: Record<InviteeRole, Label> = {
  representative: { 'zh-CN': '居民代表', en: 'Representative' },
  party_member: { 'zh-CN': '党员', en: 'Party member' },
  property: { 'zh-CN': '物业', en: 'Property company' },
  handler: { 'zh-CN': '职能单位', en: 'Handler organisation' },
  street: { 'zh-CN': '街道', en: 'Street' },
  guest: { 'zh-CN': '列席', en: 'Guest' },
};

export const DecisionOutcome = z.enum(['orders', 'mediation', 'tasks']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

const Line = z.string().trim().min(1).max(200);
const Long = z.string().trim().min(1).max(4000);

export const InviteeInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resident'), residentId: z.uuid(), role: z.enum(['representative', 'party_member']) }),
  z.object({ kind: z.literal('org'), name: Line, orgId: z.uuid().optional(), role: z.enum(['property', 'handler', 'street']) }),
  z.object({ kind: z.literal('guest'), name: Line, role: z.literal('guest').default('guest') }),
]);
export type InviteeInput = z.infer<typeof InviteeInput>;

export const CreateMeetingInput = z.object({
  communityId: z.uuid(),
  kind: MeetingKind,
  title: Line,
  startsAt: z.iso.datetime({ offset: true }),
  place: Line,
  agenda: z.array(Line).min(1).max(30),
  invitees: z.array(InviteeInput).max(300).default([]),
});
export type CreateMeetingInput = z.infer<typeof CreateMeetingInput>;

/** Changes to a meeting; invitees are replaced only while it is a draft. */
export const UpdateMeetingInput = z.object({
  title: Line.optional(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  place: Line.optional(),
  agenda: z.array(Line).min(1).max(30).optional(),
  minutes: z.string().trim().max(20000).optional(),
  invitees: z.array(InviteeInput).max(300).optional(),
});
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInput>;

export const AttendanceInput = z.object({
  marks: z
    .array(z.object({ inviteeId: z.uuid(), attendance: Attendance }))
    .min(1)
    .max(300),
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const MeetingStatusInput = z.object({ status: MeetingStatus.exclude(['draft']) });
export type MeetingStatusInput = z.infer<typeof MeetingStatusInput>;

export const DecisionInput = z.object({ text: Long });
export type DecisionInput = z.infer<typeof DecisionInput>;

/** 决议转工单: each order goes through the orders module with intake channel `meeting`. */
export const DecisionOrdersInput = z.object({
  orders: z
    .array(
      z.object({
        serviceId: z.uuid(),
        description: z.string().trim().min(5).max(1000),
        buildingId: z.uuid().optional(),
        fields: z.record(z.string(), FieldValue).default({}),
      }),
    )
    .min(1)
    .max(10),
});
export type DecisionOrdersInput = z.infer<typeof DecisionOrdersInput>;

/** 决议转调解: a case opened in the meeting's community. */
export const DecisionMediationInput = OpenMediationInput.omit({ communityId: true, orderId: true });
export type DecisionMediationInput = z.infer<typeof DecisionMediationInput>;

export const DecisionTasksInput = z.object({
  tasks: z
    .array(z.object({ title: Line, assignee: z.string().trim().min(1).max(60), dueOn: z.iso.date() }))
    .min(1)
    .max(30),
});
export type DecisionTasksInput = z.infer<typeof DecisionTasksInput>;

export const TaskDoneInput = z.object({ done: z.boolean() });
export type TaskDoneInput = z.infer<typeof TaskDoneInput>;

export const MeetingParams = z.object({ id: z.uuid() });
export const DecisionParams = z.object({ id: z.uuid(), decisionId: z.uuid() });
export const TaskParams = z.object({ id: z.uuid(), taskId: z.uuid() });

export const MeetingQuery = PageQuery.extend({ kind: MeetingKind.optional(), status: MeetingStatus.optional() });
export type MeetingQuery = z.infer<typeof MeetingQuery>;

export const MeetingItem = z
  .object({
    id: z.uuid(),
    communityId: z.uuid(),
    communityName: z.string(),
    kind: MeetingKind,
    title: z.string(),
    startsAt: z.string(),
    place: z.string(),
    status: MeetingStatus,
    invited: z.number().int(),
    present: z.number().int(),
    decisions: z.number().int(),
  })
  .meta({ id: 'MeetingItem' });
export type MeetingItem = z.infer<typeof MeetingItem>;

export const MeetingList = paged(MeetingItem);
export type MeetingList = z.infer<typeof MeetingList>;

export const InviteeDto = z.object({
  id: z.uuid(),
  kind: z.enum(['resident', 'org', 'guest']),
  role: InviteeRole,
  name: z.string(),
  residentId: z.uuid().nullable(),
  orgId: z.uuid().nullable(),
  attendance: Attendance,
});
export type InviteeDto = z.infer<typeof InviteeDto>;

export const DecisionDto = z.object({
  id: z.uuid(),
  position: z.number().int(),
  text: z.string(),
  outcome: DecisionOutcome.nullable(),
  orders: z.array(z.object({ id: z.uuid(), orderNo: z.string(), status: OrderStatus, description: z.string() })),
  mediation: z.object({ id: z.uuid(), caseNo: z.string(), status: MediationStatus }).nullable(),
  tasks: z.array(z.object({ id: z.uuid(), title: z.string(), assignee: z.string(), dueOn: z.string(), done: z.boolean() })),
  /** finished / all: closed orders, a closed mediation case, done tasks */
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
});
export type DecisionDto = z.infer<typeof DecisionDto>;

export const MeetingAbility = z.enum(['edit', 'attendance', 'advance', 'decide', 'order', 'mediate', 'tick']);
export type MeetingAbility = z.infer<typeof MeetingAbility>;

export const MeetingDto = MeetingItem.extend({
  agenda: z.array(z.string()),
  minutes: z.string(),
  heldAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  invitees: z.array(InviteeDto),
  decisionList: z.array(DecisionDto),
  abilities: z.array(MeetingAbility),
}).meta({ id: 'Meeting' });
export type MeetingDto = z.infer<typeof MeetingDto>;
