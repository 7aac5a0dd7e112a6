import type { AreaKind } from '@linli/contracts';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { households } from '../../db/schema/index.js';

/** The households column holding the id of an area at each level: "households in area X" is one equality. */
export const HOUSEHOLD_LEVEL: Record<AreaKind, AnyPgColumn> = {
  district: households.districtId,
  street: households.streetId,
  community: households.communityId,
  compound: households.compoundId,
  grid: households.gridId,
  building: households.buildingId,
};
