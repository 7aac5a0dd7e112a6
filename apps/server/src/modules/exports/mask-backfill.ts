import { maskIdNumber, maskPhone } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import type { Pii } from '../../core/pii.js';
import type { Db } from '../../db/pool.js';
import { masked } from '../registry/presenter.js';

export const MASK_BACKFILL_JOB = 'residentMasks';

const BATCH = 2000;

/** The mask of a stored ciphertext; a value no key opens shows stars and its stored tail, as the presenter does. */
export const maskOf = masked;

type Missing = { id: string; id_number_enc: Buffer | null; id_tail: string | null; phone_enc: Buffer | null; phone_tail: string | null };

/**
 * Fills `id_masked`/`phone_masked` of residents written before migration 0010 (the database cannot decrypt, so
 * this runs from code as a background job), walking the primary key `BATCH` rows at a time, at most `limit` rows a pass.
 */
export async function backfillResidentMasks(db: Db, pii: Pii, limit = 200_000): Promise<{ filled: number }> {
  let after = '00000000-0000-0000-0000-000000000000';
  let filled = 0;
  while (filled < limit) {
    const { rows } = await db.execute<Missing>(sql`
      SELECT id, id_number_enc, id_tail, phone_enc, phone_tail FROM residents
      WHERE id > ${after}::uuid
        AND ((id_number_enc IS NOT NULL AND id_masked IS NULL) OR (phone_enc IS NOT NULL AND phone_masked IS NULL))
      ORDER BY id LIMIT ${BATCH}`);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    const idMasks = rows.map((r) => maskOf(pii, r.id_number_enc, r.id_tail, maskIdNumber, 18));
    const phoneMasks = rows.map((r) => maskOf(pii, r.phone_enc, r.phone_tail, maskPhone, 11));
    await db.execute(sql`
      UPDATE residents r SET id_masked = coalesce(r.id_masked, v.id_masked), phone_masked = coalesce(r.phone_masked, v.phone_masked)
      FROM unnest(${sql.param(ids)}::uuid[], ${sql.param(idMasks)}::text[], ${sql.param(phoneMasks)}::text[]) AS v(id, id_masked, phone_masked)
      WHERE r.id = v.id`);
    filled += rows.length;
    after = ids[ids.length - 1]!;
  }
  return { filled };
}
