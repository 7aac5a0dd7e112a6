import {
  type CreateOrderInput,
  type FieldIssue,
  type Locale,
  type OrderChannel,
  type OrderIntake,
  type ServiceField,
  checkFieldValues,
} from '@linli/contracts';
import { authorize, requireAbility } from '../../core/authorize.js';
import type { AuthedCtx } from '../../core/context.js';
import type { Db, Tx } from '../../db/pool.js';
import { invalid } from '../../core/errors.js';
import { ORDER_MESSAGES } from './messages.js';
import { canOrderAt, deskCommunityOf } from './policy.js';
import type { OrderLocation } from './record.js';
import type { ServiceRow } from './repo.js';
import {
  type PlaceAndService,
  findActiveResident,
  locationOfBuilding,
  placeOfBuilding,
  placeOfCommunity,
  placeOfHousehold,
} from './repo-places.js';

/** Who and where an intake names, once its channel's rules were checked. */
export type ResolvedIntake = {
  channel: OrderChannel;
  location: OrderLocation;
  contact: { name: string | null; phone: string | null; email: string | null };
  consent: { method: string; note: string } | null;
  intakeDetails?: Record<string, unknown>;
  /** the service asked for, read with the place (null when unknown) */
  service: ServiceRow | null;
};

/** The reads of an intake go to `tx`: the placement's transaction, or the pool when the placement is one statement. */
export type IntakeCtx = AuthedCtx & { tx: Db | Tx };
type ServiceId = string | null;

type Contact = ResolvedIntake['contact'];
type IntakeAbility = 'orders.place' | 'orders.desk';

/** 403 when the actor lacks `ability` everywhere, 404 when they hold it but not over this place. */
function placeFor(tctx: IntakeCtx, ability: IntakeAbility, place: PlaceAndService | null, entity: string): PlaceAndService {
  requireAbility(tctx.actor, ability);
  return authorize(place, { see: (p) => canOrderAt(tctx.actor, ability, p.location), entity });
}

function phoneOf(tctx: IntakeCtx, enc: Buffer | null): string | null {
  return enc ? tctx.pii.decrypt(enc) : null;
}

/** The named resident must live in the order's household; their name and phone become the contact. */
async function residentOfHousehold(tctx: IntakeCtx, location: OrderLocation, residentId: string | undefined): Promise<Contact | null> {
  if (!residentId) return null;
  const resident = await findActiveResident(tctx.tx, residentId);
  if (!resident || resident.householdId !== location.householdId)
    throw invalid([{ path: 'intake.residentId', message: ORDER_MESSAGES.residentNotInHousehold()[tctx.locale] }]);
  location.residentId = resident.id;
  return { name: resident.name, phone: phoneOf(tctx, resident.phoneEnc), email: null };
}

/** The portal: the signed-in resident's own active household and flat. */
async function portalIntake(tctx: IntakeCtx, serviceId: ServiceId): Promise<ResolvedIntake> {
  requireAbility(tctx.actor, 'portal.use');
  const resident = tctx.actor.residentId ? await findActiveResident(tctx.tx, tctx.actor.residentId) : null;
  const place = resident ? await placeOfHousehold(tctx.tx, resident.householdId, serviceId) : null;
  if (!resident || !place) throw invalid([{ path: 'intake', message: ORDER_MESSAGES.noHousehold()[tctx.locale] }]);
  const { location, service } = place;
  location.residentId = resident.id;
  return {
    channel: 'portal',
    location,
    service,
    contact: { name: resident.name, phone: phoneOf(tctx, resident.phoneEnc), email: null },
    consent: null,
  };
}

/** Building leader, grid worker or staff ordering for a household they cover, with the resident's consent. */
async function proxyIntake(
  tctx: IntakeCtx,
  intake: Extract<OrderIntake, { channel: 'proxy' }>,
  serviceId: ServiceId,
): Promise<ResolvedIntake> {
  const { location, service } = placeFor(tctx, 'orders.place', await placeOfHousehold(tctx.tx, intake.householdId, serviceId), 'household');
  const contact = await residentOfHousehold(tctx, location, intake.residentId);
  return { channel: 'proxy', location, service, contact: contact ?? { name: null, phone: null, email: null }, consent: intake.consent };
}

/** A phone call or walk-in at the desk: a household, else a building, else the desk's own community; contact typed in. */
async function deskIntake(
  tctx: IntakeCtx,
  intake: Extract<OrderIntake, { channel: 'desk' }>,
  serviceId: ServiceId,
): Promise<ResolvedIntake> {
  requireAbility(tctx.actor, 'orders.desk');
  let place: PlaceAndService;
  if (intake.householdId) {
    place = placeFor(tctx, 'orders.desk', await placeOfHousehold(tctx.tx, intake.householdId, serviceId), 'household');
    await residentOfHousehold(tctx, place.location, intake.residentId);
  } else if (intake.buildingId) {
    place = placeFor(tctx, 'orders.desk', await placeOfBuilding(tctx.tx, intake.buildingId, serviceId), 'building');
    if (intake.address) place.location.address = `${place.location.address} ${intake.address}`;
  } else {
    const communityId = deskCommunityOf(tctx.actor);
    if (!communityId) throw invalid([{ path: 'intake.buildingId', message: ORDER_MESSAGES.placeNeeded()[tctx.locale] }]);
    place = placeFor(tctx, 'orders.desk', await placeOfCommunity(tctx.tx, communityId, serviceId, intake.address), 'community');
  }
  return {
    channel: 'desk',
    ...place,
    contact: { name: intake.contactName, phone: intake.contactPhone, email: null },
    consent: null,
    intakeDetails: { via: intake.via },
  };
}

/** A resident-meeting decision (居民议事) for the community, or one building of it. */
async function meetingIntake(
  tctx: IntakeCtx,
  intake: Extract<OrderIntake, { channel: 'meeting' }>,
  serviceId: ServiceId,
): Promise<ResolvedIntake> {
  const { location: community, service } = placeFor(
    tctx,
    'orders.desk',
    await placeOfCommunity(tctx.tx, intake.communityId, serviceId),
    'community',
  );
  let location = community;
  if (intake.buildingId) {
    const building = await locationOfBuilding(tctx.tx, intake.buildingId);
    if (!building || building.communityId !== community.communityId)
      throw invalid([{ path: 'intake.buildingId', message: ORDER_MESSAGES.unknownBuilding()[tctx.locale] }]);
    location = building;
  }
  return {
    channel: 'meeting',
    location,
    service,
    contact: { name: null, phone: null, email: null },
    consent: { method: 'meeting', note: intake.meetingNote },
  };
}

/**
 * Checks the channel's rules (who may order for whom) and answers where the order is and whom to contact, with the
 * service `serviceId` read in the place's statement.
 */
export function resolveIntake(tctx: IntakeCtx, intake: OrderIntake, serviceId: ServiceId): Promise<ResolvedIntake> {
  switch (intake.channel) {
    case 'portal':
      return portalIntake(tctx, serviceId);
    case 'proxy':
      return proxyIntake(tctx, intake, serviceId);
    case 'desk':
      return deskIntake(tctx, intake, serviceId);
    case 'meeting':
      return meetingIntake(tctx, intake, serviceId);
  }
}

/** The service must be active and in the catalogue of the street the order is in. */
export function serviceFor(tctx: IntakeCtx, service: ServiceRow | null, location: OrderLocation): ServiceRow {
  if (!service || !service.active || service.streetId !== location.streetId)
    throw invalid([{ path: 'serviceId', message: ORDER_MESSAGES.unknownService()[tctx.locale] }]);
  return service;
}

/** One localised issue per bad custom field, naming the field by its label. */
export function fieldIssues(fields: readonly ServiceField[], values: CreateOrderInput['fields'], locale: Locale): FieldIssue[] {
  const labels = new Map(fields.map((f) => [`fields.${f.code}`, f.label]));
  return checkFieldValues(fields, values).map(({ path, problem }) => {
    const label = labels.get(path) ?? path;
    const message = {
      required: ORDER_MESSAGES.fieldRequired(label),
      type: ORDER_MESSAGES.fieldType(label),
      option: ORDER_MESSAGES.fieldOption(label),
      unknown: ORDER_MESSAGES.fieldUnknown(),
    }[problem];
    return { path, message: message[locale] };
  });
}
