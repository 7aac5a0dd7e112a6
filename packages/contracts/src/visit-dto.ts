import { z } from 'zod';
import { PageQuery, paged } from './common.js';
import { HouseholdListItem } from './registry-dto.js';

/** 走访 kinds: 入户 home visit · 电话 phone call · 其他 other. */
export const VisitKind = z.enum(['home', 'phone', 'other']);
export type VisitKind = z.infer<typeof VisitKind>;

export const VISIT_KIND_LABELS: Record<VisitKind, { 'zh-CN': string; en: string }> = {
  home: { 'zh-CN': '入户走访', en: 'Home visit' },
  phone: { 'zh-CN': '电话走访', en: 'Phone call' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** A need found on a visit is open until it becomes a service order (then `orderId` is set) or is resolved. */
export const VisitNeedStatus = z.enum(['open', 'ordered', 'resolved']);
export type VisitNeedStatus = z.infer<typeof VisitNeedStatus>;

export const VisitNeed = z.object({ text: z.string(), status: VisitNeedStatus, orderId: z.uuid().nullable() });
export type VisitNeed = z.infer<typeof VisitNeed>;

export const VisitorRef = z.object({ id: z.uuid(), name: z.string() });
export type VisitorRef = z.infer<typeof VisitorRef>;

export const VisitDto = z
  .object({
    id: z.uuid(),
    householdId: z.uuid(),
    visitedOn: z.iso.date(),
    kind: VisitKind,
    notes: z.string(),
    needs: z.array(VisitNeed),
    visitor: VisitorRef,
    createdAt: z.string(),
  })
  .meta({ id: 'Visit' });
export type VisitDto = z.infer<typeof VisitDto>;

export const CreateVisitInput = z.object({
  /** the local date of the visit; never in the future */
  visitedOn: z.iso.date(),
  kind: VisitKind.default('home'),
  notes: z.string().trim().max(2000).default(''),
  /** short texts, one per need found */
  needs: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
});
export type CreateVisitInput = z.infer<typeof CreateVisitInput>;

/** Where a household stands: its last visit, how often it must be visited and when the next one is due. */
export const VisitSummary = z.object({
  lastVisitOn: z.iso.date().nullable(),
  /** null when no care tag asks for visits */
  everyDays: z.number().int().nullable(),
  nextVisitDue: z.iso.date().nullable(),
});
export type VisitSummary = z.infer<typeof VisitSummary>;

export const VisitListDto = z.object({
  items: z.array(VisitDto),
  summary: VisitSummary,
  abilities: z.object({ canRecord: z.boolean() }),
});
export type VisitListDto = z.infer<typeof VisitListDto>;

export const OverdueQuery = PageQuery.extend({
  /** a grid, building, compound, community … : only households inside it */
  areaId: z.uuid().optional(),
  /** also the households due within this many days (1: due today too; 0: overdue only) */
  dueWithinDays: z.coerce.number().int().min(0).max(30).default(0),
});
export type OverdueQuery = z.infer<typeof OverdueQuery>;

export const OverdueItem = z
  .object({
    household: HouseholdListItem,
    lastVisitOn: z.iso.date().nullable(),
    everyDays: z.number().int(),
    dueOn: z.iso.date(),
    daysOverdue: z.number().int(),
    /** the care tags whose own visit interval has passed, most demanding first */
    reasonTags: z.array(z.string()),
    /** 网格员: users holding grid_worker on the household's grid */
    gridWorkers: z.array(VisitorRef),
  })
  .meta({ id: 'OverdueVisit' });
export type OverdueItem = z.infer<typeof OverdueItem>;

export const OverdueByGrid = z.object({ gridId: z.uuid().nullable(), gridName: z.string().nullable(), count: z.number().int() });
export type OverdueByGrid = z.infer<typeof OverdueByGrid>;

/** A page of overdue households, most overdue first, with the count per grid over the whole list (for the chart). */
export const OverdueList = paged(OverdueItem).extend({ byGrid: z.array(OverdueByGrid) });
export type OverdueList = z.infer<typeof OverdueList>;
