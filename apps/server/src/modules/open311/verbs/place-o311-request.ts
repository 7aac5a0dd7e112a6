import { randomBytes } from 'node:crypto';
import { type Ctx, type TxCtx, type VerbArgs, inTx } from '../../../core/context.js';
import { fieldIssues } from '../../orders/intake.js';
import { type OrderLocation, recordPlacedOrder } from '../../orders/record.js';
import { findService } from '../../orders/repo.js';
import { findBuildingByCode, findFlatOfCommunity, locationOfBuilding, locationOfCommunity } from '../../orders/repo-places.js';
import { findO311Service, requireKey } from '../access.js';
import { checkInStreet } from '../area-check.js';
import { type O311PostInput, fieldValuesOf } from '../input.js';
import { serviceNotice } from '../presenter.js';
import type { KeyRow } from '../repo-keys.js';
import { badRequest } from '../respond.js';
import type { O311Created } from '../wire.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * address_id is a building code of the key's community, or the id of a flat in it; without one the order lands on
 * the key's community with the address text the client sent.
 */
async function locationFor(tctx: TxCtx<Ctx>, key: KeyRow, input: O311PostInput): Promise<OrderLocation> {
  const id = input.address_id;
  if (!id) {
    const loc = await locationOfCommunity(tctx.tx, key.communityId, input.address_string);
    if (!loc) throw new Error(`the community of Open311 key ${key.id} is gone`);
    return loc;
  }
  const building = await findBuildingByCode(tctx.tx, key.communityId, id);
  const flat = building || !UUID.test(id) ? undefined : await findFlatOfCommunity(tctx.tx, key.communityId, id);
  const buildingId = building?.id ?? flat?.buildingId;
  const loc = buildingId ? await locationOfBuilding(tctx.tx, buildingId) : null;
  if (!loc) throw badRequest(`address_id ${id} is neither a building code nor a flat of this key's community`);
  return flat ? { ...loc, flatId: flat.id, address: `${loc.address} ${flat.unitNo}单元 ${flat.flatNo}` } : loc;
}

/** POST /open311/v2/requests: places an order from an Open311 client in the key's community; answers its number and a random token. */
export async function placeOpen311Request({ ctx, input }: VerbArgs<O311PostInput, Ctx>): Promise<O311Created> {
  // outside the transaction: stamping last use must not hold the key's row lock while the order is written
  const key = await requireKey(ctx.db, input.api_key);
  return inTx(ctx, async (tctx) => {
    const found = await findO311Service(tctx.tx, { key, streetId: key.streetId }, input.service_code);
    const service = (await findService(tctx.tx, found.id))!;
    const fields = fieldValuesOf(service.fields, input.attributes);
    const issues = fieldIssues(service.fields, fields, ctx.locale);
    if (issues.length) throw badRequest(...issues.map((i) => `attribute[${i.path.replace(/^fields\./, '')}]: ${i.message}`));
    await checkInStreet(tctx.tx, key.streetId, input.lat, input.long);
    const location = await locationFor(tctx, key, input);
    const token = randomBytes(16).toString('base64url');
    const name = `${input.last_name ?? ''}${input.first_name ?? ''}`.trim();
    const order = await recordPlacedOrder(tctx, {
      service,
      location,
      channel: 'open311',
      description: input.description || service.name,
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
      mediaUrl: input.media_url,
      audit: { actorName: `open311:${key.prefix}`, details: { open311KeyId: key.id } },
    });
    return [{ service_request_id: order.orderNo, token, service_notice: serviceNotice(found), account_id: null }];
  });
}
