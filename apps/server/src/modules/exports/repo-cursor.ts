import { type SQLWrapper, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';

type Slot<T> = { rows: T[]; taken: () => void };

/**
 * Walks a query of ids with a server-side cursor in one read-only transaction, `size` ids at a time, turning each
 * page into rows with `load`. One page is in flight at a time, so a slow consumer holds back the database
 * reads; stopping the iteration early rolls the transaction back.
 */
export async function* cursorBatches<T>(db: Db, ids: SQLWrapper, size: number, load: (tx: Tx, ids: string[]) => Promise<T[]>) {
  const ready: (Slot<T> | null)[] = [];
  const waiting: ((s: Slot<T> | null) => void)[] = [];
  const put = (s: Slot<T> | null) => {
    const w = waiting.shift();
    if (w) w(s);
    else ready.push(s);
  };
  const next = () => new Promise<Slot<T> | null>((resolve) => (ready.length ? resolve(ready.shift()!) : waiting.push(resolve)));
  let stopped = false;
  let failure: unknown = null;
  const produced = db
    .transaction(
      async (tx) => {
        await tx.execute(sql`DECLARE linli_export NO SCROLL CURSOR FOR ${ids}`);
        while (!stopped) {
          const { rows } = await tx.execute<{ id: string }>(sql`FETCH ${sql.raw(String(size))} FROM linli_export`);
          if (rows.length === 0) break;
          const page = await load(
            tx,
            rows.map((r) => r.id),
          );
          await new Promise<void>((taken) => put({ rows: page, taken }));
        }
      },
      { accessMode: 'read only' },
    )
    .catch((e: unknown) => {
      failure = e;
    })
    .finally(() => put(null));
  let current: Slot<T> | null = null;
  try {
    for (;;) {
      current = await next();
      if (!current) break;
      yield current.rows;
      current.taken();
      current = null;
    }
  } finally {
    stopped = true;
    current?.taken();
    for (const s of ready) s?.taken();
    await produced;
  }
  if (failure) throw failure;
}
