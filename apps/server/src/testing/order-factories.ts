import { randomUUID } from 'node:crypto';
import { type OrderStatus, type ServiceCategoryCode, type ServiceField, TIME_LIMIT_PRESETS, type TimeLimits } from '@linli/contracts';
import type { Db } from '../db/pool.js';
import { orders, services } from '../db/schema/index.js';
import type { AreaRow } from './factories.js';

let seq = 0;

export type ServiceRow = typeof services.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;

/** A service in `street`'s catalogue (general time limits unless given). */
export async function buildService(
  db: Db,
  street: AreaRow,
  over: Partial<{
    code: string;
    name: string;
    category: ServiceCategoryCode;
    fields: ServiceField[];
    defaultHandlerOrgId: string | null;
    timeLimits: TimeLimits;
    emergency: boolean;
    active: boolean;
  }> = {},
): Promise<ServiceRow> {
  const n = ++seq;
  const [row] = await db
    .insert(services)
    .values({
      districtId: street.districtId!,
      streetId: street.id,
      code: over.code ?? `svc-${n}`,
      category: over.category ?? 'property',
      name: over.name ?? `service ${n}`,
      fields: over.fields ?? [],
      defaultHandlerOrgId: over.defaultHandlerOrgId ?? null,
      timeLimits: over.timeLimits ?? TIME_LIMIT_PRESETS.general,
      emergency: over.emergency ?? false,
      active: over.active ?? true,
    })
    .returning();
  return row!;
}

/**
 * Inserts an order row directly (no verb, no events) in `building`'s scope, for tests that need orders in a given
 * state — figures, lists, the deadline job. Verbs' own tests place orders through the verbs instead.
 */
export async function buildOrderRow(
  db: Db,
  service: ServiceRow,
  building: AreaRow,
  over: Partial<typeof orders.$inferInsert> & { status?: OrderStatus } = {},
): Promise<OrderRow> {
  const n = ++seq;
  const [row] = await db
    .insert(orders)
    .values({
      id: randomUUID(),
      orderNo: `T${Date.now()}${String(n).padStart(5, '0')}`,
      serviceId: service.id,
      category: service.category,
      emergency: service.emergency,
      channel: 'portal',
      description: `test order ${n}`,
      districtId: building.districtId!,
      streetId: building.streetId!,
      communityId: building.communityId!,
      compoundId: building.compoundId,
      gridId: building.gridId,
      buildingId: building.id,
      ...over,
    })
    .returning();
  return row!;
}
