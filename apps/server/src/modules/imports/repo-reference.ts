import { HEAD_RELATIONS } from '@linli/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Pii } from '../../core/pii.js';
import { openSecret } from '../../core/pii-seal.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, flats, households, residents } from '../../db/schema/index.js';
import { sqlList } from '../../db/sql-list.js';
import { careTagsOf } from '../care-tags/repo.js';
import { RESIDENT_REGISTER } from '../registry/repo.js';
import { type CommunityRow, type ExistingResident, type Reference, type TagRef, tagLookup } from './reference.js';

/** Loads the community's places and households (a few queries, whatever the register's size). */
export async function loadReference(db: Db | Tx, community: CommunityRow): Promise<Reference> {
  const nodes = await db
    .select({ id: areaNodes.id, kind: areaNodes.kind, name: areaNodes.name, compoundId: areaNodes.compoundId, gridId: areaNodes.gridId })
    .from(areaNodes)
    .where(and(eq(areaNodes.communityId, community.id), inArray(areaNodes.kind, ['compound', 'building'])));
  const flatRows = await db
    .select({ id: flats.id, buildingId: flats.buildingId, unitNo: flats.unitNo, flatNo: flats.flatNo })
    .from(flats)
    .where(eq(flats.communityId, community.id));
  const head = sql<string | null>`(SELECT r.name FROM ${residents} r WHERE r.household_id = ${households.id}
    AND r.status = 'active' AND r.relation IN ${sqlList(HEAD_RELATIONS)} ORDER BY r.created_at LIMIT 1)`;
  const householdRows = await db
    .select({ id: households.id, flatId: households.flatId, tenure: households.tenure, tags: households.tags, headName: head })
    .from(households)
    .where(and(eq(households.communityId, community.id), eq(households.status, 'active')));
  return {
    community,
    compounds: nodes.filter((n) => n.kind === 'compound').map(({ id, name }) => ({ id, name })),
    buildings: nodes.filter((n) => n.kind === 'building').map(({ id, name, compoundId, gridId }) => ({ id, name, compoundId, gridId })),
    flats: flatRows,
    households: householdRows.flatMap((h) => (h.flatId ? [{ ...h, flatId: h.flatId }] : [])),
  };
}

const residentColumns = {
  id: residents.id,
  householdId: residents.householdId,
  communityId: residents.communityId,
  status: residents.status,
  idNumberHash: residents.idNumberHash,
  name: residents.name,
  ...RESIDENT_REGISTER,
  tags: residents.tags,
  note: residents.note,
  idNumberEnc: residents.idNumberEnc,
  phoneEnc: residents.phoneEnc,
};

const CHUNK = 5000;
async function chunked<T, R>(items: T[], run: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await run(items.slice(i, i + CHUNK))));
  return out;
}

/** Residents anywhere with one of these ID hashes (active or deceased), and every active member of these households. */
export async function loadResidents(db: Db | Tx, pii: Pii, hashes: string[], householdIds: string[]): Promise<ExistingResident[]> {
  const byHash = await chunked(hashes, (part) =>
    db
      .select(residentColumns)
      .from(residents)
      .where(and(inArray(residents.idNumberHash, part), inArray(residents.status, ['active', 'deceased']))),
  );
  const members = await chunked(householdIds, (part) =>
    db
      .select(residentColumns)
      .from(residents)
      .where(and(inArray(residents.householdId, part), eq(residents.status, 'active'))),
  );
  const seen = new Map<string, ExistingResident>();
  for (const { idNumberEnc, phoneEnc, ...r } of [...byHash, ...members])
    seen.set(r.id, { ...r, idNumber: openSecret(pii, idNumberEnc), phone: openSecret(pii, phoneEnc) });
  return [...seen.values()];
}

/** The community's active tags by label (see `tagLookup`). */
export async function loadTagLookup(db: Db | Tx, communityId: string): Promise<(label: string) => TagRef | null> {
  return tagLookup(await careTagsOf(db, communityId));
}
