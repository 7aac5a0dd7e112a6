import { type HouseholdListQuery, type ResidentSearchQuery, parseIdNumber } from '@linli/contracts';
import type { AuthedCtx } from '../../core/context.js';
import type { Pii } from '../../core/pii.js';
import { filterArea } from './access.js';
import { parseAddressQuery } from './address-query.js';
import { type HouseholdFilter, type NameQuery, type ResidentFilter, searchScope } from './repo-search.js';

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

/** The search filters of a query inside the actor's scope (an area outside it → 404); the list and the export share it. */
export async function residentFilterFor(ctx: AuthedCtx, input: ResidentSearchQuery, today: string): Promise<ResidentFilter> {
  return {
    scope: searchScope(ctx.actor),
    q: readNameQuery(ctx.pii, input.q),
    address: input.address ? (parseAddressQuery(input.address) ?? undefined) : undefined,
    tags: input.tags,
    residentType: input.residentType,
    status: input.status,
    area: await filterArea(ctx, input.areaId),
    bornBy: input.ageMin !== undefined ? yearsBefore(today, input.ageMin) : undefined,
    bornAfter: input.ageMax !== undefined ? yearsBefore(today, input.ageMax + 1) : undefined,
    political: input.political,
  };
}

/** The household list's filters inside the actor's scope; the list and the export share it. */
export async function householdFilterFor(ctx: AuthedCtx, input: HouseholdListQuery): Promise<HouseholdFilter> {
  return {
    scope: searchScope(ctx.actor),
    area: await filterArea(ctx, input.areaId),
    tags: input.tags,
    tenure: input.tenure,
    status: input.status,
    address: input.address ? (parseAddressQuery(input.address) ?? undefined) : undefined,
  };
}
