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
const quiet = { label: 'import', log: () => undefined, size: CHUNK };

/**
 * One statement per chunk of `items`, the next chunk built while PostgreSQL runs the one in flight (a transaction
 * runs one statement at a time): the sealing, initials and SQL text of a chunk cost about what its insert does.
 */
async function overlapped<T, R>(
  items: readonly T[],
  build: (item: T) => R,
  send: (rows: R[]) => Promise<unknown>,
  onChunk?: (n: number) => void,
): Promise<void> {
  let inFlight: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < items.length; i += CHUNK) {
    let rows: R[];
    try {
      rows = items.slice(i, i + CHUNK).map(build);
    } catch (e) {
      await Promise.allSettled([inFlight]);
      throw e;
    }
    await inFlight;
    inFlight = send(rows).then(() => onChunk?.(rows.length));
  }
  await inFlight;
}

const historyJson = (h: HistoryInsert) => ({
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
});

/** History entries in one statement per chunk: the rows travel as one JSON parameter (their changes are JSON too). */
function insertHistory(tx: Tx, rows: HistoryInsert[]): Promise<void> {
  return overlapped(rows, historyJson, (json) =>
    tx.execute(sql`INSERT INTO ${registryHistory} (actor_id, actor_name, action, entity_type, entity_id, household_id, community_id, street_id, district_id, changes)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS x(actor_id uuid, actor_name text, action text,
        entity_type text, entity_id uuid, household_id uuid, community_id uuid, street_id uuid, district_id uuid, changes jsonb)`),
  );
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
  const householdRow = (h: PlannedHousehold) => {
    const { building, flat } = h.place;
    const tenure = h.tenure ?? 'owner';
    const address = addressText({
      communityName: c.name,
      compoundName: compoundName(building.compoundId),
      buildingName: building.name,
      ...flat,
    });
    record('create', 'household', h.id, h.id, diffFields(null, { address, tenure, tags: h.tags, status: 'active' }, HOUSEHOLD_FIELDS));
    const { compoundId, gridId, id: buildingId } = building;
    return { id: h.id, flatId: flat.id, buildingId, gridId, compoundId, ...scope, tenure, tags: h.tags };
  };
  const created = plan.filter((h) => !h.existing);
  await overlapped(created, householdRow, (part) => insertBatches(tx, households, part, quiet));
  for (const h of plan.filter((x) => x.existing && x.changes.length)) {
    const patch = { tags: h.tags, ...(h.tenure ? { tenure: h.tenure } : {}) };
    await tx
      .update(households)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(households.id, h.id));
    record('update', 'household', h.id, h.id, h.changes);
  }

  const newMembers = plan.flatMap((h) => h.members.filter((m) => !m.existing).map((m) => ({ h, m })));
  const residentRow = ({ h, m }: (typeof newMembers)[number]): ResidentInsert => {
    const id = randomUUID();
    const values = { ...DEFAULTS, ...m.values };
    const { gridId, id: buildingId } = h.place.building;
    // personColumns sets the initials beside a non-empty name (pinyin is costly: once per person)
    const named = { name: values.name, nameInitials: '' };
    record('create', 'resident', id, h.id, diffFields(null, { ...values, status: 'active' }, RESIDENT_FIELDS));
    return { id, householdId: h.id, ...scope, gridId, buildingId, ...named, ...personColumns(values, pii) };
  };
  await overlapped(newMembers, residentRow, (part) => insertBatches(tx, residents, part, quiet), onProgress);
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
