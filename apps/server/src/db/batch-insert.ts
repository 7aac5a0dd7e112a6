import { type InferInsertModel, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './pool.js';

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
