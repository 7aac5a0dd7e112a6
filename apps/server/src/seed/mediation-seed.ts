import type { Tx } from '../db/pool.js';
import {
  compoundProperty,
  handlerOrgs,
  legalConsultations,
  legalDutySlots,
  mediationAgreements,
  mediationCases,
  mediationFollowUps,
  mediationMediators,
  mediationParties,
  mediationSessions,
} from '../db/schema/index.js';
import type { GeneratedDemo } from './generate.js';
import { buildDemoLegal } from './legal.js';
import { buildDemoMediation } from './mediation.js';
import type { EventInsert } from './orders-sim.js';
import type { DemoSupermarket } from './orders-seed.js';
import { DEMO_PROPERTY, demoCompoundProperty } from './property.js';
import { createRng } from './rng.js';
import { insertBatches } from './rows.js';

/** The users the mediation seed names: Anping's community staff member mediates. */
type UserRef = { id?: string; username: string; displayName: string };

/** Puts each event into the order's timeline at its time, so ids and times agree within every order. */
function spliceEvents(events: EventInsert[], extra: readonly EventInsert[]): void {
  for (const e of extra) {
    let at = -1;
    events.forEach((x, i) => {
      if (x.orderId === e.orderId && x.at! <= e.at!) at = i;
    });
    events.splice(at + 1, 0, e);
  }
}

/**
 * Property management of the demo compounds, Anping's year of mediation and its legal service center, from a generator of their own (seed + 11)
 * so the rest of the demo stays as it was. The cases' entries on their orders' timelines go into the supermarket's
 * events (call before inserting it).
 */
export function buildDemoAutonomy(input: {
  demo: GeneratedDemo;
  supermarket: DemoSupermarket;
  users: readonly UserRef[];
  seed: number;
  now: Date;
}) {
  const { demo, supermarket } = input;
  const staff = input.users.find((u) => u.username === 'anping-staff')!;
  const mediation = buildDemoMediation({
    rng: createRng(input.seed + 11),
    now: input.now,
    anping: demo.areas.communities[0]!,
    households: demo.households,
    orders: supermarket.orderRows,
    serviceCode: new Map(supermarket.serviceRows.map((s) => [s.id!, s.code])),
    mediator: { id: staff.id!, name: staff.displayName },
    propertyOrgName: DEMO_PROPERTY['佳竹苑']!.org,
  });
  spliceEvents(supermarket.eventRows, mediation.events);
  const legal = buildDemoLegal({
    rng: createRng(input.seed + 12),
    now: input.now,
    areas: demo.areas,
    streetCenterId: demo.orgs.rows.find((o) => o.kind === 'legal_center')!.id!,
    households: demo.households,
  });
  return { property: demoCompoundProperty(demo.areas, demo.orgs.rows), mediation, legal };
}
export type DemoAutonomy = ReturnType<typeof buildDemoAutonomy>;

/** Inserts what buildDemoAutonomy made, in the seed's transaction, after the supermarket. */
export async function insertDemoAutonomy(tx: Tx, data: DemoAutonomy, log: (msg: string) => void): Promise<void> {
  const step = (label: string) => ({ label, log });
  const m = data.mediation;
  await insertBatches(tx, compoundProperty, data.property, step('compound property'));
  await insertBatches(tx, mediationCases, m.cases, step('mediation cases'));
  await insertBatches(tx, mediationParties, m.parties, step('mediation parties'));
  await insertBatches(tx, mediationMediators, m.mediators, step('mediators'));
  await insertBatches(tx, mediationSessions, m.sessions, step('mediation sessions'));
  await insertBatches(tx, mediationAgreements, m.agreements, step('mediation agreements'));
  await insertBatches(tx, mediationFollowUps, m.followUps, step('return visits'));
  await insertBatches(tx, handlerOrgs, [data.legal.center], step('legal service center'));
  await insertBatches(tx, legalDutySlots, data.legal.slots, step('lawyers on duty'));
  await insertBatches(tx, legalConsultations, data.legal.consultations, step('legal consultations'));
}
