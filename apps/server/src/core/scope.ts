import { type Ability, UNSCOPED_ROLE } from '@linli/contracts';
import { type SQL, eq, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, type ScopedRow, assignmentsWith, levelKey } from './actor.js';

export type ScopeColumns = { [K in keyof ScopedRow]?: AnyPgColumn };

const FALLBACK: (keyof ScopedRow)[] = ['buildingId', 'gridId', 'compoundId', 'communityId', 'streetId', 'districtId'];

/**
 * The one scope filter every repo query uses: rows inside some assignment granting `ability`.
 * When the table lacks the assignment's level (a grid-scoped user reading a community-level
 * table), the nearest coarser level the table has is used.
 */
export function scopeFilter(actor: Actor, ability: Ability, cols: ScopeColumns): SQL {
  const parts: SQL[] = [];
  for (const a of assignmentsWith(actor, ability)) {
    if (a.role === UNSCOPED_ROLE) return sql`true`;
    if (!a.areaKind) continue;
    const start = FALLBACK.indexOf(levelKey(a.areaKind));
    const key = FALLBACK.slice(start).find((k) => cols[k] && a[k]);
    const col = key ? cols[key] : undefined;
    if (key && col) parts.push(eq(col, a[key] as string));
  }
  if (parts.length === 0) return sql`false`;
  return parts.length === 1 ? parts[0]! : (or(...parts) as SQL);
}

const SCOPE_KEYS = ['districtId', 'streetId', 'communityId', 'compoundId', 'gridId', 'buildingId'] as const;

/** The scope columns of a table that carries (some of) the six area ids, for `scopeFilter`. */
export function scopeColumnsOf(table: Partial<Record<(typeof SCOPE_KEYS)[number], AnyPgColumn>>): ScopeColumns {
  const cols: ScopeColumns = {};
  for (const k of SCOPE_KEYS) if (table[k]) cols[k] = table[k];
  return cols;
}

type ScopeKey = (typeof SCOPE_KEYS)[number];

/** The scope columns a table has, keeping their types, to spread into a select: `{ id: t.id, ...scopeFieldsOf(t) }`. */
export function scopeFieldsOf<T extends Partial<Record<ScopeKey, AnyPgColumn>>>(table: T): Pick<T, Extract<keyof T, ScopeKey>> {
  return Object.fromEntries(SCOPE_KEYS.flatMap((k) => (table[k] ? [[k, table[k]]] : []))) as Pick<T, Extract<keyof T, ScopeKey>>;
}

/** The six area ids of a row (null where it has none), to copy onto a row that belongs to it. */
export function scopeIdsOf(row: ScopedRow): Required<{ [K in keyof ScopedRow]: string | null }> {
  return {
    districtId: row.districtId ?? null,
    streetId: row.streetId ?? null,
    communityId: row.communityId ?? null,
    compoundId: row.compoundId ?? null,
    gridId: row.gridId ?? null,
    buildingId: row.buildingId ?? null,
  };
}
