import { HEAD_RELATIONS } from '@linli/contracts';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
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

/**
 * Residents anywhere with one of these ID hashes (active or deceased), and every active member of these households:
 * one statement, the lists as two array parameters, each resident once (decrypted once).
 */
export async function loadResidents(db: Db | Tx, pii: Pii, hashes: string[], householdIds: string[]): Promise<ExistingResident[]> {
  if (hashes.length === 0 && householdIds.length === 0) return [];
  const rows = await db
    .select(residentColumns)
    .from(residents)
    .where(
      or(
        and(sql`${residents.idNumberHash} = ANY(${sql.param(hashes)}::text[])`, inArray(residents.status, ['active', 'deceased'])),
        and(sql`${residents.householdId} = ANY(${sql.param(householdIds)}::uuid[])`, eq(residents.status, 'active')),
      ),
    );
  return rows.map(({ idNumberEnc, phoneEnc, ...r }) => ({
    ...r,
    idNumber: openSecret(pii, idNumberEnc),
    phone: openSecret(pii, phoneEnc),
  }));
}

/** The community's active tags by label (see `tagLookup`). */
export async function loadTagLookup(db: Db | Tx, communityId: string): Promise<(label: string) => TagRef | null> {
  return tagLookup(await careTagsOf(db, communityId));
}
