import { type InferInsertModel, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Pii } from '../core/pii.js';
import type { Tx } from '../db/pool.js';
import type { households, residents } from '../db/schema/index.js';
import type { SeedHousehold, SeedPerson } from './people.js';

type HouseholdInsert = typeof households.$inferInsert;
type ResidentInsert = typeof residents.$inferInsert;

export function householdRow(h: SeedHousehold): HouseholdInsert {
  const b = h.flat.building;
  return {
    id: h.id,
    flatId: h.flat.id,
    buildingId: b.id,
    gridId: b.gridId,
    compoundId: b.compoundId,
    communityId: b.communityId!,
    streetId: b.streetId!,
    districtId: b.districtId!,
    tenure: h.tenure,
    tags: h.tags,
  };
}

/** ID number and phone leave memory only encrypted, with the keyed hash and the last 4 characters. */
export function residentRow(p: SeedPerson, h: SeedHousehold, pii: Pii): ResidentInsert {
  const b = h.flat.building;
  return {
    id: p.id,
    householdId: h.id,
    communityId: b.communityId!,
    streetId: b.streetId!,
    districtId: b.districtId!,
    gridId: b.gridId,
    buildingId: b.id,
    name: p.name,
    nameInitials: p.nameInitials,
    idNumberEnc: pii.encrypt(p.idNumber),
    idNumberHash: pii.lookupHash(p.idNumber),
    idTail: p.idNumber.slice(-4),
    phoneEnc: p.phone ? pii.encrypt(p.phone) : null,
    phoneTail: p.phone ? p.phone.slice(-4) : null,
    sex: p.sex,
    birthDate: p.birthDate,
    relation: p.relation,
    political: p.political,
    ethnicity: p.ethnicity,
    residentType: p.residentType,
    tags: p.tags,
    partyOrgId: p.partyOrgId,
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** One value as an element of a PostgreSQL array literal. */
function element(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (Buffer.isBuffer(v)) return `"\\\\x${v.toString('hex')}"`;
  if (Array.isArray(v)) return quote(arrayLiteral(v));
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return quote(v.toISOString());
  return quote(String(v));
}
const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
const arrayLiteral = (values: readonly unknown[]) => `{${values.map(element).join(',')}}`;

/**
 * Inserts rows in batches of `size` through `unnest` over one array parameter per column (much faster than
 * one parameter per value), reporting progress. Array columns travel as array literals and are cast back.
 */
export async function insertBatches<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly InferInsertModel<T>[],
  progress: { label: string; log: (msg: string) => void; size?: number },
): Promise<void> {
  const size = progress.size ?? 2000;
  const records = rows as readonly Record<string, unknown>[];
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => records.some((r) => r[key] !== undefined));
  const aliases = columns.map((_, i) => sql.raw(`c${i}`));
  const selected = columns.map(([, col], i) => {
    const type = col.getSQLType();
    return type.endsWith('[]') ? sql`${aliases[i]}::${sql.raw(type)}` : aliases[i]!;
  });
  for (let i = 0; i < records.length; i += size) {
    const batch = records.slice(i, i + size);
    const arrays = columns.map(([key, col]) => {
      const type = col.getSQLType();
      const values = batch.map((r) => r[key]);
      // jsonb values (objects, arrays) travel as their JSON text
      const literal = arrayLiteral(type === 'jsonb' ? values.map((v) => (v === null || v === undefined ? v : JSON.stringify(v))) : values);
      return sql`${literal}::${sql.raw(type.endsWith('[]') ? 'text' : type)}[]`;
    });
    await tx.execute(
      sql`INSERT INTO ${table} (${sql.join(
        columns.map(([, col]) => sql.identifier(col.name)),
        sql`, `,
      )}) SELECT ${sql.join(selected, sql`, `)} FROM unnest(${sql.join(arrays, sql`, `)}) AS u(${sql.join(aliases, sql`, `)})`,
    );
    if (records.length > size) progress.log(`seeding ${progress.label} ${fmt(Math.min(i + size, records.length))}/${fmt(records.length)}`);
  }
}
