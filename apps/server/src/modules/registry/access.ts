import type { Actor, ScopedRow } from '../../core/actor.js';
import { authorize, requireAbility } from '../../core/authorize.js';
import type { AuthedCtx, TxCtx } from '../../core/context.js';
import { canFilterByArea, canReadRegistry, canRevealFields, canWriteRegistry } from './policy.js';
import {
  type AreaNodeRef,
  type FlatRow,
  type HouseholdRow,
  type HouseholdWithAddress,
  type ResidentRow,
  type ResidentWithAddress,
  findAreaNode,
  findHousehold,
  findResident,
  lockFlat,
  lockHousehold,
  lockResident,
} from './repo.js';

/** Users whose roles grant no registry.read at all get 403 before anything is looked up. */
export function requireRegistryReader(actor: Actor): void {
  requireAbility(actor, 'registry.read');
}

const reading = (actor: Actor, entity: string) => ({ see: (r: ScopedRow) => canReadRegistry(actor, r), entity });
const writing = (actor: Actor, entity: string) => ({ ...reading(actor, entity), act: (r: ScopedRow) => canWriteRegistry(actor, r) });

/** A household in the actor's read scope (else 404). */
export async function readableHousehold(ctx: AuthedCtx, householdId: string): Promise<HouseholdWithAddress> {
  requireRegistryReader(ctx.actor);
  return authorize(await findHousehold(ctx.db, householdId), reading(ctx.actor, 'household'));
}

/** A resident in the actor's read scope (else 404). */
export async function readableResident(ctx: AuthedCtx, residentId: string): Promise<ResidentWithAddress> {
  requireRegistryReader(ctx.actor);
  return authorize(await findResident(ctx.db, residentId), reading(ctx.actor, 'resident'));
}

/** A resident whose `fields` the actor may see in full: outside the read scope 404, not allowed (canRevealFields) 403. */
export async function revealableResident(ctx: AuthedCtx, residentId: string, fields: readonly string[]): Promise<ResidentWithAddress> {
  requireRegistryReader(ctx.actor);
  return authorize(await findResident(ctx.db, residentId), {
    ...reading(ctx.actor, 'resident'),
    act: (r) => canRevealFields(ctx.actor, r, fields),
  });
}

/** Loads and locks a household for a change: outside the read scope → 404, in it without registry.write → 403. */
export async function householdForWrite(tctx: TxCtx, householdId: string): Promise<HouseholdRow> {
  requireRegistryReader(tctx.actor);
  return authorize(await lockHousehold(tctx.tx, householdId), writing(tctx.actor, 'household'));
}

/** Loads and locks a resident for a change, by the same rule as a household. */
export async function residentForWrite(tctx: TxCtx, residentId: string): Promise<ResidentRow> {
  requireRegistryReader(tctx.actor);
  return authorize(await lockResident(tctx.tx, residentId), writing(tctx.actor, 'resident'));
}

/** A flat the actor may register households in: outside the read scope → 404, without registry.write → 403. */
export async function flatForWrite(tctx: TxCtx, flatId: string): Promise<FlatRow> {
  requireRegistryReader(tctx.actor);
  return authorize(await lockFlat(tctx.tx, flatId), {
    see: (f) => canReadRegistry(tctx.actor, f),
    act: (f) => canWriteRegistry(tctx.actor, f),
    entity: 'flat',
  });
}

/** The area a list is narrowed to, when the actor may filter by it (else 404). */
export async function filterArea(ctx: AuthedCtx, areaId: string | undefined): Promise<AreaNodeRef | undefined> {
  if (!areaId) return undefined;
  return authorize(await findAreaNode(ctx.db, areaId), { see: (n) => canFilterByArea(ctx.actor, n), entity: 'area' });
}
