import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Pii } from '../../core/pii.js';
import type { Tx } from '../../db/pool.js';
import { areaNodes, flats, services } from '../../db/schema/index.js';
import { appendOrderEvent } from '../orders/events.js';
import { fieldIssues } from '../orders/intake.js';
import { locationOfBuilding, locationOfCommunity } from '../orders/location.js';
import { type OrderLocation, createOrderRecord } from '../orders/record.js';
import { requireKey } from './api-key.js';
import { type O311PostInput, fieldValuesOf } from './input.js';
import type { KeyRow } from './keys-repo.js';
import { badRequest } from './respond.js';
import { findO311Service, serviceNotice } from './services-read.js';
import type { O311Created } from './wire.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * address_id is a building code of the key's community, or the id of a flat in it; without one the order lands on
 * the key's community with the address text the client sent.
 */
async function locationFor(tx: Tx, key: KeyRow, input: O311PostInput): Promise<OrderLocation> {
  const id = input.address_id;
  if (!id) {
    const loc = await locationOfCommunity(tx, key.communityId, input.address_string);
    if (!loc) throw new Error(`the community of Open311 key ${key.id} is gone`);
    return loc;
  }
  const [building] = await tx
    .select({ id: areaNodes.id })
    .from(areaNodes)
    .where(and(eq(areaNodes.code, id), eq(areaNodes.kind, 'building'), eq(areaNodes.communityId, key.communityId)));
  const [flat] =
    building || !UUID.test(id)
      ? []
      : await tx
          .select()
          .from(flats)
          .where(and(eq(flats.id, id), eq(flats.communityId, key.communityId)));
  const buildingId = building?.id ?? flat?.buildingId;
  const loc = buildingId ? await locationOfBuilding(tx, buildingId) : null;
  if (!loc) throw badRequest(`address_id ${id} is neither a building code nor a flat of this key's community`);
  return flat ? { ...loc, flatId: flat.id, address: `${loc.address} ${flat.unitNo}单元 ${flat.flatNo}` } : loc;
}

/** Places an order from an Open311 client in the key's community; answers its number and a random token. */
export async function placeOpen311Request({ ctx, pii, input }: { ctx: Ctx; pii: Pii; input: O311PostInput }): Promise<O311Created> {
  // outside the transaction: stamping last use must not hold the key's row lock while the order is written
  const key = await requireKey(ctx.db, input.api_key);
  return ctx.db.transaction(async (tx) => {
    const found = await findO311Service(tx, { key, streetId: key.streetId }, input.service_code);
    const [service] = await tx.select().from(services).where(eq(services.id, found.id));
    const fields = fieldValuesOf(service!.fields, input.attributes);
    const issues = fieldIssues(service!.fields, fields, ctx.locale);
    if (issues.length) throw badRequest(...issues.map((i) => `attribute[${i.path.replace(/^fields\./, '')}]: ${i.message}`));
    const location = await locationFor(tx, key, input);
    const token = randomBytes(16).toString('base64url');
    const name = `${input.last_name ?? ''}${input.first_name ?? ''}`.trim();
    const order = await createOrderRecord(tx, pii, {
      service: service!,
      location,
      channel: 'open311',
      description: input.description || service!.name,
      fields,
      contact: { name: name || null, phone: input.phone ?? null, email: input.email ?? null },
      placedBy: null,
      consent: null,
      idempotencyKey: null,
      open311Token: token,
      lat: input.lat?.toString() ?? null,
      long: input.long?.toString() ?? null,
      attachmentIds: [],
      ownerId: null,
      locale: ctx.locale,
    });
    // media_url is an outside link, not an upload: kept on the timeline, where GET /requests finds it
    if (input.media_url)
      await appendOrderEvent(tx, order, { kind: 'attach', text: input.media_url, details: { mediaUrl: input.media_url } });
    await writeAudit(tx, ctx, {
      action: 'order.place',
      entityType: 'order',
      entityId: order.id,
      streetId: order.streetId,
      communityId: order.communityId,
      actorName: `open311:${key.prefix}`,
      details: { orderNo: order.orderNo, channel: 'open311', serviceId: service!.id, open311KeyId: key.id },
    });
    return [{ service_request_id: order.orderNo, token, service_notice: serviceNotice(found), account_id: null }];
  });
}
