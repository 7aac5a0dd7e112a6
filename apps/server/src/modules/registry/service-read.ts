import {
  type HistoryListDto,
  type HouseholdDto,
  type HouseholdListItem,
  type HouseholdListQuery,
  type ResidentSearchItem,
  type ResidentSearchQuery,
  localDate,
  parseIdNumber,
} from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import type { AuthedCtx } from '../../core/context.js';
import type { Pii } from '../../core/pii.js';
import type { Db, Tx } from '../../db/pool.js';
import { visitSummaries } from '../visits/summaries.js';
import { parseAddressQuery } from './address-query.js';
import { canFilterByArea, canReadRegistry } from './policy.js';
import { presentHistory, presentHousehold, presentHouseholdItem, presentResidentItem } from './presenter.js';
import { findAreaNode, findHousehold, findResident, listHistory, loadHouseholds, loadMembers, loadResidentsByIds } from './repo.js';
import {
  type HouseholdFilter,
  type NameQuery,
  type ResidentFilter,
  listHouseholdIds,
  searchResidentIds,
  searchScope,
} from './search-repo.js';
import { missing, requireRegistryReader } from './verb-kit.js';

type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Reads q: a full 18- or 15-character ID (exact, by keyed hash), a 4-character phone or ID tail, pinyin initials, or a name. */
export function readNameQuery(pii: Pii, raw: string | undefined): NameQuery | undefined {
  const s = (raw ?? '').normalize('NFKC').replace(/\s+/g, '');
  if (!s) return undefined;
  if (/^\d{17}[\dXx]$/.test(s) || /^\d{15}$/.test(s)) {
    const parsed = parseIdNumber(s);
    return { kind: 'idHash', hash: pii.lookupHash('problem' in parsed ? s : parsed.id) };
  }
  if (/^[\dXx]{4}$/.test(s)) return { kind: 'tail', tail: s };
  if (/^[A-Za-z]+$/.test(s)) return { kind: 'initials', text: s };
  return { kind: 'name', text: s };
}

/** The date `years` before `date` (29 February falls back to the 28th). */
export function yearsBefore(date: string, years: number): string {
  const y = String(Number(date.slice(0, 4)) - years).padStart(4, '0');
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

async function areaFilter(db: Db, actor: Actor, areaId: string | undefined) {
  if (!areaId) return undefined;
  const node = await findAreaNode(db, areaId);
  if (!node || !canFilterByArea(actor, node)) throw missing();
  return node;
}

/** The search filters of a query inside the actor's scope (an area outside it → 404); the list and the export share it. */
export async function residentFilterFor(ctx: AuthedCtx, pii: Pii, input: ResidentSearchQuery, today: string): Promise<ResidentFilter> {
  return {
    scope: searchScope(ctx.actor),
    q: readNameQuery(pii, input.q),
    address: input.address ? (parseAddressQuery(input.address) ?? undefined) : undefined,
    tags: input.tags,
    residentType: input.residentType,
    status: input.status,
    area: await areaFilter(ctx.db, ctx.actor, input.areaId),
    bornBy: input.ageMin !== undefined ? yearsBefore(today, input.ageMin) : undefined,
    bornAfter: input.ageMax !== undefined ? yearsBefore(today, input.ageMax + 1) : undefined,
    political: input.political,
  };
}

export async function householdFilterFor(ctx: AuthedCtx, input: HouseholdListQuery): Promise<HouseholdFilter> {
  return {
    scope: searchScope(ctx.actor),
    area: await areaFilter(ctx.db, ctx.actor, input.areaId),
    tags: input.tags,
    tenure: input.tenure,
    status: input.status,
    address: input.address ? (parseAddressQuery(input.address) ?? undefined) : undefined,
  };
}

/** GET /api/residents: scoped, filtered, paged, in address order; ID numbers and phones masked. */
export async function searchResidents({
  ctx,
  pii,
  input,
}: {
  ctx: AuthedCtx;
  pii: Pii;
  input: ResidentSearchQuery;
}): Promise<Paged<ResidentSearchItem>> {
  const { actor } = ctx;
  requireRegistryReader(actor);
  const today = localDate();
  const { ids, total } = await searchResidentIds(ctx.db, await residentFilterFor(ctx, pii, input, today), input);
  const rows = await loadResidentsByIds(ctx.db, ids);
  const deps = { actor, pii, today };
  return { items: rows.map((r) => presentResidentItem(deps, r)), total, page: input.page, pageSize: input.pageSize };
}

/** GET /api/residents/:id */
export async function getResident({ ctx, pii, id }: { ctx: AuthedCtx; pii: Pii; id: string }): Promise<ResidentSearchItem> {
  requireRegistryReader(ctx.actor);
  const row = await findResident(ctx.db, id);
  if (!row || !canReadRegistry(ctx.actor, row)) throw missing();
  return presentResidentItem({ actor: ctx.actor, pii, today: localDate() }, row);
}

export async function residentHistory({ ctx, id }: { ctx: AuthedCtx; id: string }): Promise<HistoryListDto> {
  requireRegistryReader(ctx.actor);
  const row = await findResident(ctx.db, id);
  if (!row || !canReadRegistry(ctx.actor, row)) throw missing();
  return { items: (await listHistory(ctx.db, { residentId: id })).map(presentHistory) };
}

/** GET /api/households: scoped, filtered, paged, in address order. */
export async function listHouseholds({ ctx, input }: { ctx: AuthedCtx; input: HouseholdListQuery }): Promise<Paged<HouseholdListItem>> {
  requireRegistryReader(ctx.actor);
  const { ids, total } = await listHouseholdIds(ctx.db, await householdFilterFor(ctx, input), input);
  return { items: (await loadHouseholds(ctx.db, ids)).map(presentHouseholdItem), total, page: input.page, pageSize: input.pageSize };
}

/** List items of the given households, unchecked: for modules that already scoped their ids (visits, map). */
export async function householdItems(db: Db | Tx, ids: readonly string[]): Promise<HouseholdListItem[]> {
  return (await loadHouseholds(db, [...ids])).map(presentHouseholdItem);
}

/** The household card: address, members (active first) and visit dates; no scope check — callers have done it. */
export async function householdDto(db: Db | Tx, actor: Actor, pii: Pii, id: string): Promise<HouseholdDto> {
  const row = await findHousehold(db, id);
  if (!row) throw missing();
  const [members, visits] = await Promise.all([loadMembers(db, id), visitSummaries(db, [id])]);
  const v = visits.get(id);
  return presentHousehold({ actor, pii, today: localDate() }, row, members, {
    lastVisitOn: v?.lastVisitOn ?? null,
    nextVisitDue: v?.nextVisitDue ?? null,
  });
}

/** GET /api/households/:id */
export async function getHousehold({ ctx, pii, id }: { ctx: AuthedCtx; pii: Pii; id: string }): Promise<HouseholdDto> {
  requireRegistryReader(ctx.actor);
  const row = await findHousehold(ctx.db, id);
  if (!row || !canReadRegistry(ctx.actor, row)) throw missing();
  return householdDto(ctx.db, ctx.actor, pii, id);
}

export async function householdHistory({ ctx, id }: { ctx: AuthedCtx; id: string }): Promise<HistoryListDto> {
  requireRegistryReader(ctx.actor);
  const row = await findHousehold(ctx.db, id);
  if (!row || !canReadRegistry(ctx.actor, row)) throw missing();
  return { items: (await listHistory(ctx.db, { householdId: id })).map(presentHistory) };
}
