import { getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditValues } from '../../core/audit.js';
import type { Db, Tx } from '../../db/pool.js';
import { auditLog, orders } from '../../db/schema/index.js';
import type { NewOrderRow, OrderRow } from './repo.js';
import { ORDER_EVENTS_CHANNEL } from './repo-events.js';

/** The columns a placement writes; the statement's text is fixed, so every one is sent (null when absent). */
const ORDER_KEYS = [
  'id',
  'serviceId',
  'category',
  'emergency',
  'status',
  'channel',
  'description',
  'fields',
  'districtId',
  'streetId',
  'communityId',
  'compoundId',
  'gridId',
  'buildingId',
  'flatId',
  'householdId',
  'residentId',
  'address',
  'contactName',
  'contactPhoneEnc',
  'contactEmail',
  'placedBy',
  'consent',
  'idempotencyKey',
  'open311Token',
  'lat',
  'long',
  'placedAt',
  'stageStartedAt',
  'stageDueAt',
  'dispatchDueAt',
  'updatedAt',
] as const satisfies readonly (keyof NewOrderRow)[];

const AUDIT_KEYS = [
  'actorId',
  'actorName',
  'action',
  'entityType',
  'entityId',
  'outcome',
  'ip',
  'requestId',
  'streetId',
  'communityId',
] as const satisfies readonly (keyof AuditValues)[];

export type PlacedOrderValues = Pick<NewOrderRow, (typeof ORDER_KEYS)[number]> & { id: string };

export type PlaceOrderStatement = {
  /** yyyymmdd (China time): the order number is this day and the next value of order_no_seq, seven digits or more */
  day: string;
  order: PlacedOrderValues;
  /** the 'place' event: its actor and details (its text is the description, its time the placement) */
  event: { actorId: string | null; actorName: string | null; details: Record<string, unknown> };
  /** the audit row; the statement adds the order number to its details */
  audit: AuditValues;
};

export type PlacedOrderResult = { order: OrderRow; eventId: number; communityMayClose: boolean };

type Columns = Record<string, PgColumn>;

/** `$n::type` for each key, numbered from `first`, and a function taking a row to the driver values. */
function placeholders<K extends string>(table: PgTable, keys: readonly K[], first: number) {
  const columns: Columns = getTableColumns(table);
  const cols = keys.map((k) => columns[k]!);
  return {
    names: cols.map((c) => `"${c.name}"`).join(', '),
    params: cols.map((c, i) => `$${first + i}::${c.getSQLType()}`).join(', '),
    values: (row: Partial<Record<K, unknown>>) =>
      keys.map((k, i) => (row[k] === null || row[k] === undefined ? null : cols[i]!.mapToDriverValue(row[k]))),
  };
}

const orderCols = placeholders(orders, ORDER_KEYS, 2);
const eventFirst = 2 + ORDER_KEYS.length;
const auditCols = placeholders(auditLog, AUDIT_KEYS, eventFirst + 3);
const auditDetails = eventFirst + 3 + AUDIT_KEYS.length;
const selected = Object.entries(getTableColumns(orders));

/**
 * Order, 'place' event, NOTIFY of the outbox and audit row in one statement (a data-modifying CTE), answering the
 * inserted row, the event id and whether the community's admin may close it: one round trip, planned once per
 * connection (a named statement).
 */
const PLACE_ORDER_SQL = `
WITH o AS (
  INSERT INTO orders (order_no, ${orderCols.names})
  VALUES (
    $1 || (SELECT CASE WHEN n < 10000000 THEN lpad(n::text, 7, '0') ELSE n::text END
           FROM (SELECT nextval('order_no_seq') AS n) seq),
    ${orderCols.params})
  RETURNING *
), e AS (
  INSERT INTO order_events (order_id, district_id, street_id, community_id, kind, actor_id, actor_name, to_status, text, details, at)
  SELECT id, district_id, street_id, community_id, 'place', $${eventFirst}::uuid, $${eventFirst + 1}::text, 'placed',
         description, $${eventFirst + 2}::jsonb, placed_at
  FROM o
  RETURNING id
), a AS (
  INSERT INTO audit_log (${auditCols.names}, details)
  SELECT ${auditCols.params}, jsonb_build_object('orderNo', o.order_no) || $${auditDetails}::jsonb
  FROM o
), n AS (
  SELECT pg_notify('${ORDER_EVENTS_CHANNEL}', id::text) FROM o
)
SELECT ${selected.map(([, c]) => `o."${c.name}"`).join(', ')}, e.id,
  EXISTS (SELECT 1 FROM community_order_settings s WHERE s.community_id = o.community_id AND s.community_may_close)
FROM o, e, n`;

const FIELDS = [
  ...selected.map(([key, field]) => ({ path: [key], field })),
  { path: ['eventId'], field: sql<number>`e.id`.mapWith(Number) },
  { path: ['communityMayClose'], field: sql<boolean>`may_close`.mapWith(Boolean) },
];

/** Places an order in one statement (see PLACE_ORDER_SQL); a unique violation (idempotency key) rejects as usual. */
export async function insertPlacedOrder(conn: Db | Tx, p: PlaceOrderStatement): Promise<PlacedOrderResult> {
  const params = [
    p.day,
    ...orderCols.values(p.order),
    p.event.actorId,
    p.event.actorName,
    JSON.stringify(p.event.details),
    ...auditCols.values(p.audit),
    JSON.stringify(p.audit.details ?? {}),
  ];
  type Row = OrderRow & { eventId: number; communityMayClose: boolean };
  const query = conn._.session.prepareQuery<{ execute: Row[]; all: Row[]; values: unknown[][] }>(
    { sql: PLACE_ORDER_SQL, params },
    FIELDS,
    'linli_place_order',
    false,
  );
  const [row] = await query.execute();
  const { eventId, communityMayClose, ...order } = row!;
  return { order, eventId, communityMayClose };
}
