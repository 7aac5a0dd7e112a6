import type { Ability, OrderChannel, OrderIntake } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { type ScopedRow, assignmentsWith, canOn, hasAbility } from '../../core/actor.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, forbidden, invalid } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import type { Tx } from '../../db/pool.js';
import { residents } from '../../db/schema/index.js';
import { locationOfBuilding, locationOfCommunity, locationOfHousehold } from './location.js';
import { ORDER_MESSAGES } from './messages.js';
import type { OrderLocation } from './record.js';

/** Who and where an intake names, once its channel's rules were checked. */
export type ResolvedIntake = {
  channel: OrderChannel;
  location: OrderLocation;
  contact: { name: string | null; phone: string | null; email: string | null };
  consent: { method: string; note: string } | null;
  intakeDetails?: Record<string, unknown>;
};

const missing = () => new AppError('NOT_FOUND');

/** 403 when the actor lacks the ability everywhere, 404 when they have it but not over this place. */
function requireOn(ctx: AuthedCtx, ability: Ability, row: ScopedRow | null): asserts row is ScopedRow {
  if (!hasAbility(ctx.actor, ability)) throw forbidden();
  if (!row || !canOn(ctx.actor, ability, row)) throw missing();
}

async function loadResident(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: residents.id, householdId: residents.householdId, name: residents.name, phoneEnc: residents.phoneEnc })
    .from(residents)
    .where(and(eq(residents.id, id), eq(residents.status, 'active')));
  return row ?? null;
}

function phoneOf(pii: Pii, enc: Buffer | null): string | null {
  return enc ? pii.decrypt(enc) : null;
}

/** The named resident must live in the order's household; their name and phone become the contact. */
async function residentOfHousehold(tx: Tx, pii: Pii, ctx: AuthedCtx, location: OrderLocation, residentId: string | undefined) {
  if (!residentId) return null;
  const resident = await loadResident(tx, residentId);
  if (!resident || resident.householdId !== location.householdId)
    throw invalid([{ path: 'intake.residentId', message: ORDER_MESSAGES.residentNotInHousehold()[ctx.locale] }]);
  location.residentId = resident.id;
  return { name: resident.name, phone: phoneOf(pii, resident.phoneEnc), email: null };
}

async function householdLocation(tx: Tx, ctx: AuthedCtx, ability: Ability, householdId: string): Promise<OrderLocation> {
  const location = await locationOfHousehold(tx, householdId);
  requireOn(ctx, ability, location);
  return location;
}

/** The portal: the signed-in resident's own active household and flat. */
async function portalIntake(tx: Tx, pii: Pii, ctx: AuthedCtx): Promise<ResolvedIntake> {
  if (!hasAbility(ctx.actor, 'portal.use')) throw forbidden();
  const resident = ctx.actor.residentId ? await loadResident(tx, ctx.actor.residentId) : null;
  const location = resident ? await locationOfHousehold(tx, resident.householdId) : null;
  if (!resident || !location) throw invalid([{ path: 'intake', message: ORDER_MESSAGES.noHousehold()[ctx.locale] }]);
  location.residentId = resident.id;
  return {
    channel: 'portal',
    location,
    contact: { name: resident.name, phone: phoneOf(pii, resident.phoneEnc), email: null },
    consent: null,
  };
}

/** Building leader, grid worker or staff ordering for a household they cover, with the resident's consent. */
async function proxyIntake(tx: Tx, pii: Pii, ctx: AuthedCtx, intake: Extract<OrderIntake, { channel: 'proxy' }>): Promise<ResolvedIntake> {
  const location = await householdLocation(tx, ctx, 'orders.place', intake.householdId);
  const contact = await residentOfHousehold(tx, pii, ctx, location, intake.residentId);
  return { channel: 'proxy', location, contact: contact ?? { name: null, phone: null, email: null }, consent: intake.consent };
}

/** The community of the actor's desk assignment, for a call that names no household or building. */
function deskCommunityId(ctx: AuthedCtx): string | null {
  return assignmentsWith(ctx.actor, 'orders.desk').find((a) => a.communityId)?.communityId ?? null;
}

/** A phone call or walk-in at the desk: a household, else a building, else the desk's own community; contact typed in. */
async function deskIntake(tx: Tx, pii: Pii, ctx: AuthedCtx, intake: Extract<OrderIntake, { channel: 'desk' }>): Promise<ResolvedIntake> {
  if (!hasAbility(ctx.actor, 'orders.desk')) throw forbidden();
  let location: OrderLocation | null;
  if (intake.householdId) {
    location = await householdLocation(tx, ctx, 'orders.desk', intake.householdId);
    await residentOfHousehold(tx, pii, ctx, location, intake.residentId);
  } else if (intake.buildingId) {
    location = await locationOfBuilding(tx, intake.buildingId);
    requireOn(ctx, 'orders.desk', location);
    if (intake.address) location.address = `${location.address} ${intake.address}`;
  } else {
    const communityId = deskCommunityId(ctx);
    if (!communityId) throw invalid([{ path: 'intake.buildingId', message: ORDER_MESSAGES.placeNeeded()[ctx.locale] }]);
    location = await locationOfCommunity(tx, communityId, intake.address);
    requireOn(ctx, 'orders.desk', location);
  }
  return {
    channel: 'desk',
    location,
    contact: { name: intake.contactName, phone: intake.contactPhone, email: null },
    consent: null,
    intakeDetails: { via: intake.via },
  };
}

/** A resident-meeting decision (居民议事) for the community, or one building of it. */
async function meetingIntake(tx: Tx, ctx: AuthedCtx, intake: Extract<OrderIntake, { channel: 'meeting' }>): Promise<ResolvedIntake> {
  const community = await locationOfCommunity(tx, intake.communityId);
  requireOn(ctx, 'orders.desk', community);
  let location = community;
  if (intake.buildingId) {
    const building = await locationOfBuilding(tx, intake.buildingId);
    if (!building || building.communityId !== community.communityId)
      throw invalid([{ path: 'intake.buildingId', message: ORDER_MESSAGES.unknownBuilding()[ctx.locale] }]);
    location = building;
  }
  return {
    channel: 'meeting',
    location,
    contact: { name: null, phone: null, email: null },
    consent: { method: 'meeting', note: intake.meetingNote },
  };
}

/** Checks the channel's rules (who may order for whom) and answers where the order is and whom to contact. */
export function resolveIntake(tx: Tx, pii: Pii, ctx: AuthedCtx, intake: OrderIntake): Promise<ResolvedIntake> {
  switch (intake.channel) {
    case 'portal':
      return portalIntake(tx, pii, ctx);
    case 'proxy':
      return proxyIntake(tx, pii, ctx, intake);
    case 'desk':
      return deskIntake(tx, pii, ctx, intake);
    case 'meeting':
      return meetingIntake(tx, ctx, intake);
  }
}
