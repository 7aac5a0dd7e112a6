import { type OrderRating, type ServiceCategoryCode, type TimeLimits, addWorkingMinutes } from '@linli/contracts';
import { RATING_REASONS } from './orders-profiles.js';
import type { OrderSim, SeedActor } from './orders-sim.js';
import type { Rng } from './rng.js';

export type LifePath = 'normal' | 'withdraw' | 'not_responsible' | 'return' | 'unresolved';

/** The random choices of one order's life; the demo's scripted orders pass their own. */
export type LifePlan = {
  path: LifePath;
  /** share of each stage's time used before the move (> 1: late) */
  dispatchShare: number;
  acceptShare: number;
  handleShare: number;
  startMinutes: number;
  extension: { hours: number; approveAfterMinutes: number; rejected: boolean } | null;
  suspendHours: number | null;
  rework: boolean;
  confirmAfterHours: number;
  selfConfirm: boolean;
  rating: OrderRating;
  closeAfterHours: number;
};

/** Who acts on the order: the resident, the desk, the handler, the closer. */
export type LifeActors = {
  resident: SeedActor;
  desk: () => SeedActor;
  handler: (orgId: string) => SeedActor;
  closer: () => SeedActor;
  /** where a returned order goes instead */
  alternateOrg: string;
};

const between = (rng: Rng, lo: number, hi: number) => lo + rng.next() * (hi - lo);
const onTimeShare = (rng: Rng, lateChance: number) => (rng.chance(lateChance) ? between(rng, 1.05, 2.5) : between(rng, 0.05, 0.9));

/** ~90 % accepted on time, ~4 % extended, ~3 % reworked, ~92 % satisfied or basically satisfied. */
export function drawLifePlan(rng: Rng, emergency: boolean): LifePlan {
  const path = rng.weighted<LifePath>([
    ['normal', 91],
    ['withdraw', 2],
    ['not_responsible', 2],
    ['return', 2.5],
    ['unresolved', 2.5],
  ]);
  const selfConfirm = rng.chance(0.65);
  // a few orders get stuck in one stage for many times its limit: the ones the escalation ladder is for
  const stuck = rng.chance(0.012) ? rng.pick(['accept', 'handle'] as const) : null;
  return {
    path,
    dispatchShare: onTimeShare(rng, 0.05),
    acceptShare: stuck === 'accept' ? between(rng, 3, 12) : onTimeShare(rng, 0.09),
    handleShare:
      stuck === 'handle'
        ? between(rng, 2, 4)
        : emergency
          ? between(rng, 0.3, rng.chance(0.08) ? 1.6 : 0.95)
          : rng.chance(0.08)
            ? between(rng, 1.02, 1.5)
            : between(rng, 0.05, 0.7) ** 1.5,
    startMinutes: between(rng, 5, 240),
    extension: rng.chance(0.045)
      ? { hours: rng.pick([24, 48, 72, 120]), approveAfterMinutes: between(rng, 60, 2880), rejected: rng.chance(0.15) }
      : null,
    suspendHours: rng.chance(0.025) ? between(rng, 12, 120) : null,
    rework: rng.chance(0.03),
    confirmAfterHours: selfConfirm ? between(rng, 0.5, 60) : between(rng, 20, 70),
    selfConfirm,
    rating:
      path === 'unresolved'
        ? 'unsatisfied'
        : rng.weighted<OrderRating>([
            ['satisfied', 83],
            ['basic', 11.5],
            ['unsatisfied', 5.5],
          ]),
    closeAfterHours: rng.chance(0.05) ? between(rng, 50, 100) : between(rng, 1, 40),
  };
}

const HANDLE_NOTES: Record<ServiceCategoryCode, readonly string[]> = {
  property: ['已上门处理完毕，现场恢复正常', '已更换损坏部件，试用正常', '已安排保洁清理干净', '已联系车主挪车并张贴提示'],
  home_service: ['已按约定上门服务，老人满意', '已完成维修，告知使用注意事项', '已安排每日送餐，首餐已送达'],
  renovation: ['已现场勘查并纳入改造计划，施工完成', '已组织居民意见征询，资料已提交', '已完成管道疏通和路面恢复'],
  mediation: ['已组织双方调解，达成一致意见', '已上门沟通，双方签订调解协议', '已告知相关政策，双方表示理解'],
  volunteer: ['志愿者已上门完成服务', '已陪同就医并送回家中', '已代购物品送到老人家中'],
  social_org: ['已安排社工跟进，完成首次服务', '已为孩子办理入班手续', '律师已电话解答并给出书面建议'],
};
const hours = (h: number) => h * 3600_000;
/** The desk works office hours: an order placed at night waits for the morning, an emergency does not. */
const deskTime = (from: Date, minutes: number, emergency: boolean) =>
  emergency ? new Date(from.getTime() + minutes * 60_000) : addWorkingMinutes(from, Math.max(1, minutes));
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

/**
 * Runs an order's life from its placing on, as the plan says, through `sim` (which stops at `now`).
 * `handlerOrgId` is where the desk dispatches it.
 */
export function runLife(
  rng: Rng,
  sim: OrderSim,
  ctx: { plan: LifePlan; limits: TimeLimits; category: ServiceCategoryCode; handlerOrgId: string; actors: LifeActors },
): void {
  const { plan, limits, actors, category } = ctx;
  const row = sim.row;
  const t0 = row.placedAt;
  if (plan.path === 'not_responsible') {
    const at = deskTime(t0, limits.dispatchMinutes * plan.dispatchShare, row.emergency ?? false);
    if (
      sim.move(at, 'close', actors.closer(), 'closed', '经核实不属于本平台受理范围，已告知居民向对口部门反映', {
        outcome: 'not_responsible',
      })
    )
      sim.end('not_responsible', at);
    return;
  }
  let orgId = ctx.handlerOrgId;
  let at = deskTime(t0, limits.dispatchMinutes * plan.dispatchShare, row.emergency ?? false);
  const dispatch = (when: Date, org: string, note = '') => {
    const handler = actors.handler(org);
    const userId = handler.id;
    Object.assign(row, { handlerOrgId: org, handlerUserId: userId, dispatchedAt: when });
    return sim.move(when, 'dispatch', actors.desk(), 'dispatched', note, { handlerOrgId: org, handlerUserId: userId, fromOrgId: null });
  };
  if (!dispatch(at, orgId)) return;
  if (plan.path === 'withdraw') {
    at = later(at, rng.int(5, 90) * 60_000);
    if (sim.move(at, 'withdraw', actors.resident, 'withdrawn', rng.pick(['问题已自行解决', '家里人已经修好了', '重复提交了'])))
      sim.end('withdrawn', at);
    return;
  }
  if (plan.path === 'return') {
    at = later(at, rng.int(20, 180) * 60_000);
    if (!sim.move(at, 'return', actors.handler(orgId), 'placed', '经现场核实不属于本单位职责，请改派', { fromOrgId: orgId })) return;
    Object.assign(row, { handlerOrgId: null, handlerUserId: null });
    orgId = actors.alternateOrg;
    if (!dispatch(later(at, rng.int(10, 90) * 60_000), orgId, '改派')) return;
    at = row.dispatchedAt as Date;
  }
  const handler = actors.handler(orgId);
  at = later(at, limits.acceptMinutes * 60_000 * plan.acceptShare);
  if (!sim.move(at, 'accept', handler, 'accepted')) return;
  row.acceptedAt = at;
  row.acceptedOnTime = at <= (row.acceptDueAt as Date);
  const handleStart = at;
  at = later(at, Math.min(plan.startMinutes, limits.handleHours * 30) * 60_000);
  if (!sim.move(at, 'start', handler, 'in_progress')) return;
  if (plan.suspendHours !== null) {
    const reason = rng.pick(['业主外出，暂时无法入户', '等待配件到货', '需等待相关部门出具意见']);
    if (!sim.move(later(at, 30 * 60_000), 'suspend', actors.desk(), 'suspended', reason)) return;
    at = later(at, 30 * 60_000 + hours(plan.suspendHours));
    if (!sim.move(at, 'resume', actors.desk(), 'in_progress', '', { pausedMinutes: Math.round(plan.suspendHours * 60) })) return;
  }
  if (plan.extension) {
    const ext = plan.extension;
    const reason = rng.pick(['需要采购专用配件', '涉及多户协调，需要更多时间', '施工受天气影响']);
    at = later(at, hours(limits.handleHours) * 0.3);
    if (!sim.move(at, 'request_extension', handler, null, reason, { hours: ext.hours })) return;
    row.extensionPendingHours = ext.hours;
    row.extensionPendingReason = reason;
    at = later(at, ext.approveAfterMinutes * 60_000);
    const verdict = ext.rejected ? 'reject_extension' : 'approve_extension';
    if (!sim.move(at, verdict, actors.desk(), null, ext.rejected ? '请按原时限完成' : '', { hours: ext.hours })) return;
    row.extensionPendingHours = null;
    row.extensionPendingReason = null;
    if (!ext.rejected) sim.extendHandling(ext.hours);
  }
  const handleAt = (from: Date, share: number) => {
    const due = sim.dueAt ?? later(from, hours(limits.handleHours));
    return new Date(Math.max(from.getTime() + 10 * 60_000, handleStart.getTime() + (due.getTime() - handleStart.getTime()) * share));
  };
  const handle = (when: Date) => {
    if (!sim.move(when, 'handle', handler, 'handled', rng.pick(HANDLE_NOTES[category]), { attachments: 0 })) return false;
    Object.assign(row, { handledAt: when, handledBy: handler.id, handledOnTime: when <= (row.handleDueAt as Date) });
    return true;
  };
  at = handleAt(at, plan.handleShare);
  if (!handle(at)) return;
  if (plan.rework) {
    at = later(at, hours(2 + rng.next() * 30));
    if (!sim.move(at, 'contest', actors.resident, 'in_progress', '问题又出现了，请再来看看', { via: 'self', rework: 1 })) return;
    row.reworkCount = 1;
    if (!handle(later(at, hours(limits.handleHours) * between(rng, 0.05, 0.4)))) return;
    at = row.handledAt as Date;
  }
  at = later(at, hours(plan.confirmAfterHours));
  const reasons = [rng.pick(RATING_REASONS[plan.rating])];
  const via = plan.selfConfirm ? 'self' : 'return_visit';
  const confirmer = plan.selfConfirm ? actors.resident : actors.desk();
  if (!sim.move(at, 'confirm', confirmer, 'confirmed', '', { rating: plan.rating, reasons, via })) return;
  sim.rate(plan.rating, reasons, via, at);
  at = later(at, hours(plan.closeAfterHours));
  const outcome = plan.path === 'unresolved' ? 'unresolved' : 'resolved';
  const due = sim.dueAt;
  if (!sim.move(at, 'close', actors.closer(), 'closed', '', { outcome })) return;
  sim.end(outcome, at);
  row.closedOnTime = row.handledOnTime !== false && (!due || at <= due);
}
