import type { AreaKind } from '@linli/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/pool.js';
import { areaNodes } from '../../db/schema/index.js';
import { levelColumn } from './providers/columns.js';
import type { LevelKey } from './providers/types.js';

const AREA_FIELDS = {
  id: areaNodes.id,
  code: areaNodes.code,
  name: areaNodes.name,
  kind: areaNodes.kind,
  districtId: areaNodes.districtId,
  streetId: areaNodes.streetId,
  communityId: areaNodes.communityId,
  compoundId: areaNodes.compoundId,
  gridId: areaNodes.gridId,
  buildingId: areaNodes.buildingId,
};

export type ReportAreaRow = { id: string; code: string; name: string; kind: AreaKind } & Record<LevelKey, string | null>;

/** The area with this statistical code (area_nodes_code_uq). */
export async function findAreaByCode(db: Db, code: string): Promise<ReportAreaRow | undefined> {
  const [row] = await db.select(AREA_FIELDS).from(areaNodes).where(eq(areaNodes.code, code));
  return row;
}

/** The areas of `kind` inside the area `id` at `level`, by code. */
export function childAreas(db: Db, level: LevelKey, id: string, kind: AreaKind): Promise<ReportAreaRow[]> {
  return db
    .select(AREA_FIELDS)
    .from(areaNodes)
    .where(and(eq(levelColumn(areaNodes, level), id), eq(areaNodes.kind, kind)))
    .orderBy(asc(areaNodes.code));
}
