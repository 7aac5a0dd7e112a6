import { z } from 'zod';
import { AreaKind } from './areas.js';
import { FigureRates } from './figures-dto.js';

/**
 * The stable keys of the work report (工作报告). A module contributes its keys once it exists; a key whose module
 * does not exist yet is absent from the report, never zero.
 */
export const ReportKey = z.enum([
  'residents',
  'households',
  'floating',
  'careTagged',
  'buildingsMapped',
  'partyBranches',
  'partyMembers',
  'volunteers',
  'volunteerHours',
  'activities',
  'peopleServed',
  'orders',
  'mediations',
  'legalConsultations',
  'meetings',
  'consultations',
  'visitsDone',
  'visitsOverdue',
  'programmeBeneficiaries',
  'projects',
]);
export type ReportKey = z.infer<typeof ReportKey>;

/**
 * The report of one area (district, street, community or grid, by its statistical code) for the days from `from`
 * to `to`, both included, China time; without them, the 365 days up to today.
 */
export const WorkReportQuery = z.object({
  area: z.string().regex(/^\d{6}(\d{3}){0,3}$/),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type WorkReportQuery = z.infer<typeof WorkReportQuery>;

/** A part of a figure: a care tag, a service, an activity kind. */
export const ReportSlice = z.object({ key: z.string(), name: z.string(), value: z.number() });
export type ReportSlice = z.infer<typeof ReportSlice>;

/** One figure: its value, its parts where it has some, and the order rates for `orders`. */
export const ReportFigure = z.object({
  value: z.number(),
  by: z.array(ReportSlice).optional(),
  rates: FigureRates.pick({ responseRate: true, resolutionRate: true, satisfactionRate: true }).optional(),
});
export type ReportFigure = z.infer<typeof ReportFigure>;

export const ReportFigures = z.partialRecord(ReportKey, ReportFigure);
export type ReportFigures = z.infer<typeof ReportFigures>;

/** Plain values per key (the comparison across areas, the monthly trend). */
export const ReportValues = z.partialRecord(ReportKey, z.number());
export type ReportValues = z.infer<typeof ReportValues>;

export const ReportArea = z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: AreaKind });
export type ReportArea = z.infer<typeof ReportArea>;

export const WorkReportDto = z.object({
  area: ReportArea,
  from: z.iso.date(),
  to: z.iso.date(),
  /** the keys present, in the report's order */
  keys: z.array(ReportKey),
  figures: ReportFigures,
  /** the same figures per child area (grids of a community, communities of a street, streets of a district) */
  children: z.array(z.object({ area: ReportArea, values: ReportValues })),
  /** figures that happen in time (orders placed, visits done …) per calendar month of the period */
  months: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), values: ReportValues })),
});
export type WorkReportDto = z.infer<typeof WorkReportDto>;

/** The report's figure names, in the order the report lists them. */
export const REPORT_KEY_LABELS: Record<ReportKey, { 'zh-CN': string; en: string }> = {
  residents: { 'zh-CN': '居民', en: 'Residents' },
  households: { 'zh-CN': '户数', en: 'Households' },
  floating: { 'zh-CN': '流动人口', en: 'Floating population' },
  careTagged: { 'zh-CN': '关爱对象（人/户）', en: 'Under care (people/households)' },
  buildingsMapped: { 'zh-CN': '已绘楼栋图', en: 'Buildings mapped' },
  partyBranches: { 'zh-CN': '党支部', en: 'Party branches' },
  partyMembers: { 'zh-CN': '党员', en: 'Party members' },
  volunteers: { 'zh-CN': '志愿者', en: 'Volunteers' },
  volunteerHours: { 'zh-CN': '志愿服务时长（小时）', en: 'Volunteer hours' },
  activities: { 'zh-CN': '活动', en: 'Activities' },
  peopleServed: { 'zh-CN': '服务人次', en: 'People served' },
  orders: { 'zh-CN': '工单', en: 'Orders' },
  mediations: { 'zh-CN': '调解纠纷', en: 'Disputes mediated' },
  legalConsultations: { 'zh-CN': '法律咨询', en: 'Legal consultations' },
  meetings: { 'zh-CN': '居民会议', en: 'Meetings' },
  consultations: { 'zh-CN': '议事协商', en: 'Consultations' },
  visitsDone: { 'zh-CN': '走访', en: 'Visits done' },
  visitsOverdue: { 'zh-CN': '逾期未走访（户）', en: 'Visits overdue (households)' },
  programmeBeneficiaries: { 'zh-CN': '项目受益人', en: 'Programme beneficiaries' },
  projects: { 'zh-CN': '服务项目', en: 'Service projects' },
};
