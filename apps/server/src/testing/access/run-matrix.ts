import { randomUUID } from 'node:crypto';
import { type DemoRows, type RowKind, SIDES, type Side } from './demo-rows.js';
import { type Entry, entryOf } from './matrix.js';
import { type Caller, DEMO_CALLERS, expectedStatuses } from './policy.js';
import type { Operation, Send } from './send.js';

export type MatrixResult = {
  /** cells asked and answered as policy says */
  passed: number;
  /** cells answered otherwise: `METHOD path [row] as caller: expected …, got …` */
  failures: string[];
  /** the same for entries marked as known defects */
  defects: string[];
  /** entries marked as known defects whose cells all answer as policy says now: drop the mark */
  fixedDefects: string[];
  /** operations without an entry in ACCESS_MATRIX */
  missing: string[];
  /** cells not asked: covered elsewhere, or the demo has no such row */
  skipped: string[];
};

type Cell = { url: string; row: { kind: RowKind; side: Side; filter: boolean } | null; label: string };

const fill = (template: string, rows: DemoRows, side: Side) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(rows[k as RowKind]?.[side] ?? randomUUID()));

/** The URLs one entry is asked at: once per community when it names a row, else once. */
function cellsOf(o: Operation, e: Entry, rows: DemoRows, skipped: string[]): Cell[] {
  const withId = (id: string) => {
    let first = true;
    return o.path.replace(/\{(\w+)\}/g, () => {
      const v = first ? id : randomUUID();
      first = false;
      return encodeURIComponent(v);
    });
  };
  if (!e.row || e.row === 'none') {
    const url = withId(randomUUID()) + (e.query ? `?${fill(e.query, rows, 'lvyang')}` : '');
    return [{ url, row: null, label: e.row === 'none' ? 'missing row' : '-' }];
  }
  const kind = e.row;
  return SIDES.flatMap((side) => {
    const id = rows[kind][side];
    if (!id) {
      skipped.push(`${o.method} ${o.path} [${side}]: the demo has no ${kind} there`);
      return [];
    }
    const url = e.query ? `${o.path}?${fill(e.query, rows, side)}` : withId(id);
    return [{ url, row: { kind, side, filter: e.query !== undefined }, label: `${side} ${kind}${e.query ? ' filter' : ''}` }];
  });
}

/**
 * A list refuses what is not the caller's by leaving it out: a list asked outside the caller's scope, or by a caller
 * without the ability, may answer 200 with nothing in it instead of 404/403 (nothing is disclosed either way).
 */
function isEmptyList(body: string): boolean {
  try {
    const v: unknown = JSON.parse(body);
    if (Array.isArray(v)) return v.length === 0;
    if (v && typeof v === 'object' && Array.isArray((v as { items?: unknown }).items))
      return (v as { items: unknown[] }).items.length === 0;
  } catch {
    return false;
  }
  return false;
}

/** All callers, or (quick runs) `n` of them, rotating from operation to operation so every caller gets its turns. */
function rotation(all: readonly Caller[], start: number, n: number | undefined): readonly Caller[] {
  if (!n || n >= all.length) return all;
  return Array.from({ length: n }, (_, i) => all[(start * n + i) % all.length]!);
}

const anyOf = (e: Entry) => ([] as Entry['who'][]).concat(e.who) as Extract<Entry['who'], string>[];

/** The statuses allowed for a cell: any of the entry's abilities grants; a missing row is 404 for those who may. */
function expected(caller: Caller, e: Entry, cell: Cell): readonly number[] {
  const special = e.callers?.[caller];
  const forSide =
    special && !Array.isArray(special) ? (special as Partial<Record<Side, readonly number[]>>)[cell.row?.side ?? 'lvyang'] : special;
  if (forSide) return forSide as readonly number[];
  const ok = e.ok ?? 200;
  const per = anyOf(e).map((who) => expectedStatuses(caller, who, cell.row, ok));
  const granted = per.find((s) => s.includes(ok));
  if (e.row === 'none') return granted ? [404] : per.some((s) => s.includes(401)) ? [401] : [403, 404];
  return granted ?? [...new Set(per.flat())];
}

/**
 * Asks every operation of `ops` as every demo caller, inside and outside its scope, and compares with policy.
 * Writes without a body in their entry are asked only as the anonymous caller.
 */
export async function runAccessMatrix(
  ops: readonly Operation[],
  rows: DemoRows,
  callers: Record<Caller, Send>,
  opts: { callersPerOperation?: number } = {},
): Promise<MatrixResult> {
  const out: MatrixResult = { passed: 0, failures: [], defects: [], fixedDefects: [], missing: [], skipped: [] };
  for (const o of ops) {
    const e = entryOf(o.method, o.path);
    if (!e) {
      out.missing.push(`${o.method} ${o.path}`);
      continue;
    }
    if (e.covered) {
      out.skipped.push(`${o.method} ${o.path}: ${e.covered}`);
      continue;
    }
    const who: readonly Caller[] =
      e.write && e.body === undefined ? ['anonymous'] : rotation(DEMO_CALLERS, ops.indexOf(o), opts.callersPerOperation);
    const payload = o.method === 'GET' || o.method === 'DELETE' ? undefined : JSON.stringify(e.body ?? {});
    const headers = payload ? { 'content-type': 'application/json' } : undefined;
    const defectsBefore = out.defects.length;
    for (const cell of cellsOf(o, e, rows, out.skipped)) {
      const answers = await Promise.all(who.map((c) => callers[c]({ method: o.method, url: cell.url, headers, payload })));
      who.forEach((caller, i) => {
        const want = expected(caller, e, cell);
        const got = answers[i]!.statusCode;
        const refusedAsEmpty =
          got === 200 && o.method === 'GET' && !want.includes(200) && !cell.url.includes('.xlsx') && isEmptyList(answers[i]!.body);
        if (want.includes(got) || (refusedAsEmpty && (e.query !== undefined || !e.row))) out.passed++;
        else
          (e.defect ? out.defects : out.failures).push(
            `${o.method} ${o.path} [${cell.label}] as ${caller}: expected ${want.join('/')}, got ${got}${e.defect ? ` (${e.defect})` : ''}`,
          );
      });
    }
    if (e.defect && out.defects.length === defectsBefore) out.fixedDefects.push(`${o.method} ${o.path}: ${e.defect}`);
  }
  return out;
}
