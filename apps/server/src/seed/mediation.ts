import { MEDIATION_LIMIT_DAYS } from '@linli/contracts';
import type {
  mediationAgreements,
  mediationCases,
  mediationFollowUps,
  mediationMediators,
  mediationParties,
  mediationSessions,
} from '../db/schema/index.js';
import { MEDIATION_MESSAGES as M, OUTCOME_LABELS } from '../modules/mediation/messages.js';
import type { SeedCommunity } from './areas.js';
import { FAILED_AT, MEDIATION_PLAN, MEDIATION_TEXTS, OPEN_DAYS_AGO, WITHDRAWN_AT } from './mediation-data.js';
import type { EventInsert, OrderInsert } from './orders-sim.js';
import type { SeedHousehold, SeedPerson } from './people.js';
import type { Rng } from './rng.js';

const DAY = 86_400_000;
const PLACE = '安平社区人民调解室';
type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export type DemoMediationInput = {
  rng: Rng;
  now: Date;
  anping: SeedCommunity;
  households: readonly SeedHousehold[];
  orders: readonly OrderInsert[];
  serviceCode: Map<string, string>;
  mediator: { id: string; name: string };
  propertyOrgName: string;
};

/** A year of Anping's mediation: 40 cases (8 opened from orders), sessions, signed agreements, return visits, 3 still open. */
export function buildDemoMediation(input: DemoMediationInput) {
  const { rng, now, anping, mediator } = input;
  const compoundOf = new Map(anping.compounds.map((c) => [c.id, c.name]));
  const adultsIn = (compound: string | null) =>
    input.households
      .filter((h) => h.community === anping && (!compound || compoundOf.get(h.flat.building.compoundId) === compound))
      .flatMap((h) => h.members.filter((p) => p.age >= 25).map((p) => ({ p, h })));
  const pools = { parking: adultsIn('鸿福家园'), property_fee: adultsIn('佳竹苑'), any: adultsIn(null) };
  const used = new Set<string>();
  const orders = input.orders
    .filter((o) => o.communityId === anping.node.id && o.category === 'mediation' && o.placedAt! <= new Date(now.getTime() - 60 * DAY))
    .filter((o) => o.placedAt! >= new Date(now.getTime() - 350 * DAY));

  const plan = rng.shuffle([...MEDIATION_PLAN]);
  const direct = plan.filter((p) => !p.fromOrder);
  const openSlots = new Set(direct.slice(-OPEN_DAYS_AGO.length));
  let d = 0;
  const drafts = plan.map((p) => {
    const order = p.fromOrder ? orders.find((o) => !used.has(o.id!) && input.serviceCode.get(o.serviceId) === p.fromOrder) : undefined;
    if (order) used.add(order.id!);
    const openIdx = [...openSlots].indexOf(p);
    const openedAt = order
      ? new Date(order.placedAt!.getTime() + DAY)
      : openIdx >= 0
        ? new Date(now.getTime() - OPEN_DAYS_AGO[openIdx]! * DAY)
        : new Date(now.getTime() - (358 - d++ * 9) * DAY);
    return { kind: p.kind, order, openedAt, open: openIdx >= 0 };
  });
  drafts.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());

  const out = {
    cases: [] as Row<typeof mediationCases>[],
    parties: [] as Row<typeof mediationParties>[],
    mediators: [] as Row<typeof mediationMediators>[],
    sessions: [] as Row<typeof mediationSessions>[],
    agreements: [] as Row<typeof mediationAgreements>[],
    followUps: [] as Row<typeof mediationFollowUps>[],
    events: [] as EventInsert[],
  };
  const seqOfYear = new Map<number, number>();
  const pickPerson = (pool: { p: SeedPerson; h: SeedHousehold }[], notHousehold?: string) => {
    for (;;) {
      const x = rng.pick(pool);
      if (x.h.id !== notHousehold) return x;
    }
  };
  let closedIdx = 0;
  for (const draft of drafts) {
    const id = rng.uuid();
    const year = draft.openedAt.getUTCFullYear();
    const seq = (seqOfYear.get(year) ?? 0) + 1;
    seqOfYear.set(year, seq);
    const caseNo = `TJ${anping.node.code}-${year}-${String(seq).padStart(4, '0')}`;
    const text = MEDIATION_TEXTS[draft.kind];
    const dueAt = new Date(draft.openedAt.getTime() + MEDIATION_LIMIT_DAYS * DAY);
    const outcome = draft.open ? 'open' : FAILED_AT.has(closedIdx) ? 'failed' : WITHDRAWN_AT.has(closedIdx) ? 'withdrawn' : 'agreed';
    if (!draft.open) closedIdx++;
    const sessionCount = outcome === 'withdrawn' ? 1 : rng.int(1, 3);
    const sessionAt = (k: number) => new Date(draft.openedAt.getTime() + (k * 4 + 2) * DAY + 9 * 3600_000);
    const held = Array.from({ length: sessionCount }, (_, k) => sessionAt(k)).filter((t) => t < now);
    const closedAt = outcome === 'open' ? null : new Date((held.at(-1) ?? draft.openedAt).getTime() + 2 * 3600_000);
    const summary =
      outcome === 'agreed'
        ? '双方达成调解协议并签字。'
        : outcome === 'failed'
          ? '调解不成，已告知当事人可向人民法院起诉或通过其他途径解决。'
          : outcome === 'withdrawn'
            ? '申请人撤回调解申请。'
            : null;
    out.cases.push({
      id,
      caseNo,
      districtId: anping.node.districtId!,
      streetId: anping.node.streetId!,
      communityId: anping.node.id,
      kind: draft.kind,
      title: text.title,
      facts: text.facts,
      status: outcome,
      summary,
      orderId: draft.order?.id ?? null,
      openedAt: draft.openedAt,
      dueAt,
      remindedAt: outcome === 'open' && dueAt.getTime() - 7 * DAY <= now.getTime() ? new Date(dueAt.getTime() - 7 * DAY) : null,
      escalatedAt: outcome === 'open' && dueAt <= now ? dueAt : null,
      closedAt,
      openedBy: mediator.id,
    });
    // parties: residents by registry link, or the compound's property company in a fee dispute
    const pool = draft.kind === 'parking' ? pools.parking : draft.kind === 'property_fee' ? pools.property_fee : pools.any;
    const first = pickPerson(pool);
    const party = (position: number, side: 'applicant' | 'respondent', residentId: string | null, name: string | null) =>
      out.parties.push({ id: rng.uuid(), caseId: id, position, kind: residentId ? 'resident' : 'org', side, residentId, name });
    if (draft.kind === 'property_fee') {
      party(0, 'applicant', null, input.propertyOrgName);
      party(1, 'respondent', first.p.id, null);
    } else {
      const other =
        draft.kind === 'family' && first.h.members.filter((m) => m.age >= 25).length > 1
          ? first.h.members.find((m) => m.age >= 25 && m.id !== first.p.id)!
          : pickPerson(pool, first.h.id).p;
      party(0, 'applicant', first.p.id, null);
      party(1, 'respondent', other.id, null);
    }
    out.mediators.push({ caseId: id, userId: mediator.id, presiding: true });
    for (const at of held)
      out.sessions.push({ id: rng.uuid(), caseId: id, heldAt: at, place: PLACE, notes: text.notes, recordedBy: mediator.name });
    if (outcome === 'agreed' && closedAt) {
      out.agreements.push({ id: rng.uuid(), caseId: id, version: 1, status: 'signed', terms: text.terms, signedAt: closedAt });
      const visit = new Date(closedAt.getTime() + 14 * DAY);
      if (visit < now)
        out.followUps.push({
          id: rng.uuid(),
          caseId: id,
          visitedOn: visit.toISOString().slice(0, 10),
          performed: true,
          notes: '回访双方，协议已履行。',
          visitor: mediator.name,
        });
    }
    const o = draft.order;
    if (o) {
      const event = (at: Date, body: string): EventInsert => ({
        orderId: o.id!,
        districtId: o.districtId,
        streetId: o.streetId,
        communityId: o.communityId,
        at,
        kind: 'comment',
        actorId: mediator.id,
        actorName: mediator.name,
        fromStatus: null,
        toStatus: null,
        text: body,
        internal: false,
        details: { mediationCaseId: id },
        notifiedAt: at,
      });
      out.events.push(event(draft.openedAt, M.orderOpened(caseNo)['zh-CN']));
      if (closedAt && summary && outcome !== 'open') {
        out.events.push(event(closedAt, M.orderResult(caseNo, OUTCOME_LABELS[outcome]()['zh-CN'], summary)['zh-CN']));
      }
    }
  }
  return out;
}
export type DemoMediation = ReturnType<typeof buildDemoMediation>;
