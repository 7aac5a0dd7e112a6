import type { OrderChannel, OrderStatus } from '@linli/contracts';
import { addressText } from '../core/person.js';
import { type SeedAreas, type SeedCommunity, buildingPlace } from './areas.js';
import type { DemoService } from './catalogue.js';
import type { HandlerOrgInsert } from './orgs.js';
import { type LifeActors, type LifePlan, drawLifePlan, runLife } from './orders-life.js';
import { COMMUNITY_MIX, HOUR_WEIGHTS, ORDER_PROFILES, STAFF_NAMES, WEEKDAY_FACTOR } from './orders-profiles.js';
import { channelFor, living, poisson, pools, requester } from './orders-picks.js';
import { type EventInsert, type OrderInsert, OrderSim, type SeedActor } from './orders-sim.js';
import type { SeedHousehold, SeedPerson } from './people.js';
import { DEMO_PROPERTY } from './property.js';
import type { Rng } from './rng.js';

const DAY = 86_400_000;
const OFFSET = 8 * 3600_000;
/** Orders that can draw a second report from a neighbour, merged into the first (并单). */
const ECHOED = new Set(['water-power-repair', 'lift-fault', 'common-cleaning', 'rain-sewage', 'greenery']);

export type DemoUserRef = { id: string; username: string; displayName: string; residentId?: string | null };
export type DemoOrder = { row: OrderInsert & { status: OrderStatus; placedAt: Date }; phone: string | null };
export type DemoOrders = { orders: DemoOrder[]; events: EventInsert[] };

type Where = {
  community: SeedCommunity;
  key: 'anping' | 'lvyang';
  household: SeedHousehold | null;
  building: SeedHousehold['flat']['building'];
};
type Draft = {
  service: DemoService;
  placedAt: Date;
  where: Where;
  person: SeedPerson | null;
  channel: OrderChannel;
  plan?: LifePlan;
  placedBy?: SeedActor;
};

/**
 * A year of orders for the demo communities ending at `now`: volume by season, weekday and hour; each order's
 * life replayed by OrderSim (so recent ones are still open), a few duplicates merged, and the demo resident's own.
 */
export function generateDemoOrders(input: {
  rng: Rng;
  now: Date;
  areas: SeedAreas;
  households: readonly SeedHousehold[];
  orgRows: readonly HandlerOrgInsert[];
  services: readonly DemoService[];
  users: readonly DemoUserRef[];
}): DemoOrders {
  const { rng, now, services } = input;
  const perCommunity = pools(input.areas, input.households);
  const drafts: Draft[] = [];
  const today = Math.floor((now.getTime() + OFFSET) / DAY);
  for (let day = today - 364; day <= today; day++) {
    const localMidnight = day * DAY - OFFSET;
    const date = new Date(day * DAY);
    const month = date.getUTCMonth() + 1;
    const weekday = WEEKDAY_FACTOR[date.getUTCDay()]!;
    for (const pool of perCommunity) {
      for (const s of services) {
        const p = ORDER_PROFILES[s.code]!;
        const lambda = (p.perDay / 2) * (p.season?.[month] ?? 1) * weekday * (COMMUNITY_MIX[pool.key][s.category] ?? 1);
        const source = p.liftOnly ? pool.lift : p.who ? pool[p.who] : pool.all;
        for (let n = poisson(rng, lambda); n > 0; n--) {
          const hour = s.emergency && rng.chance(0.3) ? rng.int(0, 23) : rng.weighted(HOUR_WEIGHTS);
          const placedAt = new Date(localMidnight + hour * 3600_000 + rng.int(0, 3599) * 1000);
          if (placedAt > now) continue;
          const household = rng.pick(source);
          const channel = channelFor(rng, pool.key, s);
          const where = {
            community: pool.community,
            key: pool.key,
            household: channel === 'meeting' ? null : household,
            building: household.flat.building,
          };
          drafts.push({ service: s, placedAt, where, person: channel === 'meeting' ? null : requester(rng, household, p.who), channel });
        }
      }
    }
  }
  drafts.push(...residentDrafts(input, perCommunity));
  return replay(input, drafts);
}

/** The demo resident's own orders: one waiting for their rating, one in progress, three closed. */
function residentDrafts(input: Parameters<typeof generateDemoOrders>[0], perCommunity: ReturnType<typeof pools>): Draft[] {
  const { rng, now, services, households } = input;
  const user = input.users.find((u) => u.username === 'resident');
  const household = households.find((h) => h.members.some((p) => p.id === user?.residentId));
  if (!user || !household) return [];
  const person = household.members.find((p) => p.id === user.residentId)!;
  const pool = perCommunity.find((c) => c.community === household.community)!;
  const where: Where = { community: pool.community, key: pool.key, household, building: household.flat.building };
  const svc = (code: string) => services.find((s) => s.code === code)!;
  /** 09:20 local on the latest weekday at least `days` before now */
  const weekdayMorning = (days: number) => {
    let day = Math.floor((now.getTime() + OFFSET) / DAY) - days;
    while ([0, 6].includes(new Date(day * DAY).getUTCDay())) day--;
    return new Date(day * DAY - OFFSET + (9 * 60 + 20) * 60_000);
  };
  const plan = (over: Partial<LifePlan>): LifePlan => ({
    ...drawLifePlan(rng, false),
    path: 'normal',
    extension: null,
    suspendHours: null,
    rework: false,
    dispatchShare: 0.5,
    acceptShare: 0.3,
    startMinutes: 40,
    selfConfirm: true,
    rating: 'satisfied',
    ...over,
  });
  const placedBy = { id: user.id, name: user.displayName };
  const draft = (code: string, placedAt: Date, p: LifePlan): Draft => ({
    service: svc(code),
    placedAt,
    where,
    person,
    channel: 'portal',
    plan: p,
    placedBy,
  });
  return [
    draft('appliance-repair', weekdayMorning(2), plan({ handleShare: 0.03, confirmAfterHours: 100_000 })),
    draft('red-butler-visit', weekdayMorning(1), plan({ handleShare: 0.97, startMinutes: 60 })),
    draft('common-cleaning', weekdayMorning(20), plan({ handleShare: 0.1, confirmAfterHours: 5, closeAfterHours: 20 })),
    draft('hospital-escort', weekdayMorning(64), plan({ handleShare: 0.2, confirmAfterHours: 3, closeAfterHours: 26, rating: 'basic' })),
    draft('meal-aid', weekdayMorning(150), plan({ handleShare: 0.15, confirmAfterHours: 8, closeAfterHours: 30 })),
  ];
}

function replay(input: Parameters<typeof generateDemoOrders>[0], drafts: Draft[]): DemoOrders {
  const { rng, now } = input;
  const user = (name: string) => input.users.find((u) => u.username === name);
  const userIdByName = new Map(input.users.map((u) => [u.displayName, u.id]));
  const staff = (name: string): SeedActor => ({ id: userIdByName.get(name) ?? null, name });
  const orgIds = new Map(input.orgRows.map((o) => [o.name, o.id!]));
  const orgId = (name: string) => orgIds.get(name)!;
  const byBuilding = new Map<string, SeedHousehold[]>();
  for (const x of input.households) {
    if (!x.members.some(living)) continue;
    const list = byBuilding.get(x.flat.building.id);
    if (list) list.push(x);
    else byBuilding.set(x.flat.building.id, [x]);
  }
  const volunteersOf = { lvyang: orgId('红管家志愿服务队'), anping: orgId('安平社区党员志愿服务队') };
  const propertyUser = user('property');
  const lvyangProperty = orgId('绿扬物业');
  const compoundName = (w: Where) => w.community.compounds.find((c) => c.id === w.building.compoundId)!.name;
  // 无物业小区: the community serves the compound, through its own team
  const propertyOrg = (w: Where) => {
    const p = DEMO_PROPERTY[compoundName(w)];
    return p ? orgId(p.org) : volunteersOf[w.key];
  };

  drafts.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  const out: DemoOrder[] = [];
  const events: EventInsert[] = [];
  const sims = new Map<string, OrderSim>();
  const echoes: { draft: Draft; into: OrderSim }[] = [];
  let seq = 0;
  const playOne = (d: Draft, mergeInto?: OrderSim) => {
    const { service: s, where, person } = d;
    const b = where.building;
    const h = where.household;
    const flat = h?.flat;
    const desk = () => staff(rng.pick(STAFF_NAMES.desk[where.key]));
    const handlers = new Map<string, SeedActor>();
    const handler = (org: string) => {
      if (!handlers.has(org)) {
        const ours = org === lvyangProperty && propertyUser && rng.chance(0.5);
        handlers.set(
          org,
          ours ? { id: propertyUser.id, name: propertyUser.displayName } : { id: null, name: rng.pick(STAFF_NAMES.handler) },
        );
      }
      return handlers.get(org)!;
    };
    const rule = s.handler;
    const handlerOrgId =
      rule === 'compound_property' ? propertyOrg(where) : rule === 'community_volunteers' ? volunteersOf[where.key] : orgId(rule.org);
    const grid = staff(rng.pick(STAFF_NAMES.grid[where.key]));
    const placer = d.placedBy ?? (d.channel === 'proxy' ? grid : d.channel === 'desk' || d.channel === 'meeting' ? desk() : null);
    const profile = ORDER_PROFILES[s.code]!;
    const text = rng.pick(profile.texts);
    const id = rng.uuid();
    const local = new Date(d.placedAt.getTime() + OFFSET).toISOString().slice(0, 10).replaceAll('-', '');
    const row: DemoOrder['row'] = {
      id,
      orderNo: `${local}${String(++seq).padStart(7, '0')}`,
      serviceId: s.id,
      category: s.category,
      emergency: s.emergency ?? false,
      status: 'placed',
      channel: d.channel,
      description: d.channel === 'meeting' ? `居民议事会决定：${text}` : text,
      fields: d.channel === 'meeting' ? {} : (profile.values?.(rng, d.placedAt) ?? {}),
      ...buildingPlace(b),
      flatId: flat?.id ?? null,
      householdId: h?.id ?? null,
      residentId: person?.id ?? null,
      address: addressText({
        communityName: where.community.node.name,
        compoundName: compoundName(where),
        buildingName: b.name,
        unitNo: flat?.unitNo ?? null,
        flatNo: flat?.flatNo ?? null,
      }),
      contactName: person?.name ?? null,
      contactEmail: d.channel === 'open311' ? `${person?.nameInitials ?? 'user'}${rng.int(10, 99)}@example.cn` : null,
      placedBy: placer?.id ?? null,
      consent: d.channel === 'proxy' ? { method: rng.pick(['in_person', 'phone', 'written']), note: '' } : null,
      placedAt: d.placedAt,
      lat: d.channel === 'open311' ? (32.405 + rng.next() * 0.01).toFixed(6) : null,
      long: d.channel === 'open311' ? (119.395 + rng.next() * 0.01).toFixed(6) : null,
    };
    const sim = new OrderSim(row, s.row.timeLimits!, now);
    const via = d.channel === 'desk' ? { via: rng.chance(0.7) ? 'phone' : 'walk_in' } : {};
    sim.place(placer, { channel: d.channel, serviceId: s.id, ...(row.consent ? { consent: row.consent } : {}), ...via });
    if (mergeInto) {
      const at = new Date(d.placedAt.getTime() + rng.int(15, 90) * 60_000);
      const closed = mergeInto.row.closedAt as Date | null | undefined;
      if (
        (!closed || closed > at) &&
        mergeInto.row.placedAt < at &&
        sim.move(at, 'merge', desk(), 'merged', '同一问题已有工单在办', { intoOrderId: mergeInto.row.id })
      ) {
        sim.end('duplicate', at);
        row.mergedIntoId = mergeInto.row.id;
        mergeInto.note(at, 'absorb', desk(), '', { orderId: id, residentId: row.residentId });
      } else mergeInto = undefined;
    }
    if (!mergeInto) {
      const actors: LifeActors = {
        resident: d.placedBy ?? { id: null, name: person?.name ?? '居民' },
        desk,
        handler,
        closer: () => staff(rng.pick(STAFF_NAMES.street)),
        alternateOrg: handlerOrgId === orgId('城管科') ? orgId('社会事务科') : orgId('城管科'),
      };
      runLife(rng, sim, {
        plan: d.plan ?? drawLifePlan(rng, row.emergency!),
        limits: s.row.timeLimits!,
        category: s.category,
        handlerOrgId,
        actors,
      });
    }
    sims.set(id, sim);
    out.push({ row, phone: d.channel === 'meeting' ? null : (person?.phone ?? null) });
    if (!d.plan && !mergeInto && ECHOED.has(s.code) && h && rng.chance(0.04)) {
      const neighbour = rng.pick(byBuilding.get(b.id) ?? [h]);
      const echo: Draft = {
        ...d,
        placedAt: new Date(d.placedAt.getTime() + rng.int(10, 150) * 60_000),
        where: { ...where, household: neighbour },
        person: requester(rng, neighbour, undefined),
      };
      if (echo.placedAt <= now) echoes.push({ draft: echo, into: sim });
    }
  };
  for (const d of drafts) playOne(d);
  for (const e of echoes) playOne(e.draft, e.into);
  return finish(out, sims, events);
}

/** Numbers the orders in placing order, fills the merged numbers into the timeline, and orders the timeline by time. */
function finish(out: DemoOrder[], sims: Map<string, OrderSim>, events: EventInsert[]): DemoOrders {
  out.sort((a, b) => a.row.placedAt.getTime() - b.row.placedAt.getTime());
  out.forEach((o, i) => {
    o.row.orderNo = `${o.row.orderNo!.slice(0, 8)}${String(i + 1).padStart(7, '0')}`;
  });
  const numbers = new Map(out.map((o) => [o.row.id!, o.row.orderNo!]));
  for (const o of out) {
    const sim = sims.get(o.row.id!)!;
    sim.finish();
    for (const e of sim.events) {
      const d = e.details as Record<string, unknown>;
      if (e.kind === 'merge') d.intoOrderNo = numbers.get(d.intoOrderId as string);
      if (e.kind === 'absorb') d.orderNo = numbers.get(d.orderId as string);
      events.push(e);
    }
  }
  events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  return { orders: out, events };
}
