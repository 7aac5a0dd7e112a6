import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Ctx, TxCtx } from '../../core/context.js';
import { addressText, nameInitials } from '../../core/person.js';
import type { Pii } from '../../core/pii.js';
import { sealSecrets } from '../../core/pii-seal.js';
import { insertBatches } from '../../db/batch-insert.js';
import type { Tx } from '../../db/pool.js';
import { flats, households, registryHistory, residents } from '../../db/schema/index.js';
import { type FieldChange, HOUSEHOLD_FIELDS, RESIDENT_FIELDS, diffFields } from '../registry/history.js';
import type { NewFlat } from './places.js';
import type { PlannedHousehold } from './plan.js';
import type { Reference } from './reference.js';
import type { PersonValues } from './row-rules.js';

type ResidentInsert = typeof residents.$inferInsert;
type HistoryInsert = typeof registryHistory.$inferInsert;

const CHUNK = 1000;
async function inChunks<T>(items: T[], insert: (part: T[]) => Promise<unknown>, onChunk?: (n: number) => void) {
  for (let i = 0; i < items.length; i += CHUNK) {
    const part = items.slice(i, i + CHUNK);
    await insert(part);
    onChunk?.(part.length);
  }
}
const quiet = { label: 'import', log: () => undefined, size: CHUNK };

/** History entries in one statement per chunk: the rows travel as one JSON parameter (their changes are JSON too). */
async function insertHistory(tx: Tx, rows: HistoryInsert[]): Promise<void> {
  await inChunks(rows, (part) => {
    const json = part.map((h) => ({
      actor_id: h.actorId,
      actor_name: h.actorName,
      action: h.action,
      entity_type: h.entityType,
      entity_id: h.entityId,
      household_id: h.householdId,
      community_id: h.communityId,
      street_id: h.streetId,
      district_id: h.districtId,
      changes: h.changes,
    }));
    return tx.execute(sql`INSERT INTO ${registryHistory} (actor_id, actor_name, action, entity_type, entity_id, household_id, community_id, street_id, district_id, changes)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS x(actor_id uuid, actor_name text, action text,
        entity_type text, entity_id uuid, household_id uuid, community_id uuid, street_id uuid, district_id uuid, changes jsonb)`);
  });
}

/** What a new member gets when the register leaves a field out: the registry's defaults. */
const DEFAULTS = { sex: '0', relation: '99', political: '13', ethnicity: '01', residentType: 'registered', tags: [] as string[] } as const;

/** The columns a person's values set: ID number and phone sealed (ciphertext, keyed hash, tail), initials beside the name. */
function personColumns(v: PersonValues, pii: Pii): Partial<ResidentInsert> {
  const out: Partial<ResidentInsert> = { ...sealSecrets(pii, { idNumber: v.idNumber, phone: v.phone }) };
  if (v.name) Object.assign(out, { name: v.name, nameInitials: nameInitials(v.name) });
  if (v.sex !== undefined) out.sex = Number(v.sex);
  for (const k of ['birthDate', 'relation', 'political', 'ethnicity', 'residentType', 'tags', 'note'] as const)
    if (v[k] !== undefined) Object.assign(out, { [k]: v[k] });
  return out;
}

export type WriteEnv = { tctx: TxCtx<Ctx>; ref: Reference; onProgress: (residentsWritten: number) => void };

/** Writes a plan set-based (unnest batches, as the seed does): new flats, households and residents, updates, history. */
export async function writePlan({ tctx, ref, onProgress }: WriteEnv, plan: PlannedHousehold[]): Promise<void> {
  const { tx, pii } = tctx;
  const c = ref.community;
  const scope = { communityId: c.id, streetId: c.streetId, districtId: c.districtId };
  const history: HistoryInsert[] = [];
  const actor = { actorId: tctx.actor?.userId ?? null, actorName: tctx.actor?.displayName ?? 'cli' };
  const record = (action: string, entityType: 'household' | 'resident', entityId: string, householdId: string, changes: FieldChange[]) =>
    history.push({ ...actor, ...scope, action, entityType, entityId, householdId, changes });

  const newFlats = [...new Map(plan.filter((h) => h.place.isNew).map((h) => [h.place.flat.id, h])).values()];
  const flatRows = newFlats.map((h) => ({ ...(h.place.flat as NewFlat), ...scope, gridId: h.place.building.gridId }));
  await insertBatches(tx, flats, flatRows, quiet);
  const compoundName = (id: string | null) => ref.compounds.find((x) => x.id === id)?.name ?? null;
  const created = plan.filter((h) => !h.existing);
  const householdRows = created.map((h) => ({
    id: h.id,
    flatId: h.place.flat.id,
    buildingId: h.place.building.id,
    gridId: h.place.building.gridId,
    compoundId: h.place.building.compoundId,
    ...scope,
    tenure: h.tenure ?? 'owner',
    tags: h.tags,
  }));
  await insertBatches(tx, households, householdRows, quiet);
  for (const h of created) {
    const { building, flat } = h.place;
    const address = addressText({
      communityName: c.name,
      compoundName: compoundName(building.compoundId),
      buildingName: building.name,
      ...flat,
    });
    const snapshot = { address, tenure: h.tenure ?? 'owner', tags: h.tags, status: 'active' };
    record('create', 'household', h.id, h.id, diffFields(null, snapshot, HOUSEHOLD_FIELDS));
  }
  for (const h of plan.filter((x) => x.existing && x.changes.length)) {
    const patch = { tags: h.tags, ...(h.tenure ? { tenure: h.tenure } : {}) };
    await tx
      .update(households)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(households.id, h.id));
    record('update', 'household', h.id, h.id, h.changes);
  }

  const inserts: ResidentInsert[] = [];
  for (const h of plan)
    for (const m of h.members.filter((x) => !x.existing)) {
      const id = randomUUID();
      const values = { ...DEFAULTS, ...m.values };
      const { gridId, id: buildingId } = h.place.building;
      // personColumns sets the initials beside a non-empty name (pinyin is costly: once per person)
      const named = { name: values.name, nameInitials: '' };
      inserts.push({ id, householdId: h.id, ...scope, gridId, buildingId, ...named, ...personColumns(values, pii) });
      record('create', 'resident', id, h.id, diffFields(null, { ...values, status: 'active' }, RESIDENT_FIELDS));
    }
  await inChunks(inserts, (part) => insertBatches(tx, residents, part, quiet), onProgress);
  let updated = 0;
  for (const h of plan)
    for (const m of h.members.filter((x) => x.existing && x.changes.length)) {
      await tx
        .update(residents)
        .set({ ...personColumns(m.values, pii), updatedAt: sql`now()` })
        .where(eq(residents.id, m.existing!.id));
      record('update', 'resident', m.existing!.id, h.id, m.changes);
      if (++updated % 500 === 0) onProgress(500);
    }
  await insertHistory(tx, history);
}
