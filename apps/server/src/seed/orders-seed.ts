import { sql } from 'drizzle-orm';
import type { Pii } from '../core/pii.js';
import type { Tx } from '../db/pool.js';
import { open311Keys, orderEvents, orders, services } from '../db/schema/index.js';
import { buildDemoCatalogue } from './catalogue.js';
import type { GeneratedDemo } from './generate.js';
import { demoOpen311KeyRow } from './open311.js';
import { type DemoUserRef, generateDemoOrders } from './orders.js';
import { demoOrderRows } from './orders-rows.js';
import { insertBatches } from './rows.js';
import { createRng } from './rng.js';

/** The e-service supermarket of the demo: the street's catalogue, a year of orders, the Open311 demo key. */
export function buildDemoSupermarket(input: {
  demo: GeneratedDemo;
  seed: number;
  now: Date;
  users: readonly DemoUserRef[];
  pii: Pii;
  open311Key: string;
}) {
  const { demo, now, users } = input;
  // a stream of its own, so the rest of the demo does not change when the orders do
  const rng = createRng(input.seed ^ 0x5e7_0311);
  const orgs = new Map(demo.orgs.rows.map((o) => [o.name, o.id!]));
  const catalogue = buildDemoCatalogue(rng, demo.areas.street, orgs);
  const generated = generateDemoOrders({
    rng,
    now,
    areas: demo.areas,
    households: demo.households,
    orgRows: demo.orgs.rows,
    services: catalogue,
    users,
  });
  const lvyang = demo.areas.communities.find((c) => c.plan.key === 'lvyang')!;
  const keyOwner = users.find((u) => u.username === 'lvyang-staff')?.id ?? null;
  return {
    serviceRows: catalogue.map((s) => s.row),
    orderRows: demoOrderRows(generated.orders, input.pii),
    eventRows: generated.events,
    keyRow: demoOpen311KeyRow(rng, input.open311Key, lvyang.node, keyOwner),
  };
}
export type DemoSupermarket = ReturnType<typeof buildDemoSupermarket>;

/** Inserts the supermarket rows inside the seed's transaction and moves the order number sequence past them. */
export async function insertDemoSupermarket(tx: Tx, data: DemoSupermarket, log: (msg: string) => void): Promise<void> {
  await insertBatches(tx, services, data.serviceRows, { label: 'services', log });
  await insertBatches(tx, orders, data.orderRows, { label: 'orders', log });
  await insertBatches(tx, orderEvents, data.eventRows, { label: 'order events', log, size: 10_000 });
  await insertBatches(tx, open311Keys, [data.keyRow], { label: 'open311 keys', log });
  await tx.execute(sql`SELECT setval('order_no_seq', ${data.orderRows.length + 1}, false)`);
}
