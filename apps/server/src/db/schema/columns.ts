import { type AnyPgColumn, bigserial, customType, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Column helpers shared by the schema files. */
export const tuple = <T extends string>(values: readonly T[]) => values as [T, ...T[]];
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
export const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The scope ids (core/scope.ts) of a row that belongs to a community: the community and the street and district
 * above it, never null; `community` makes the community id a foreign key.
 */
export function communityScopeIds(community?: () => AnyPgColumn) {
  const communityId = uuid('community_id').notNull();
  return {
    communityId: community ? communityId.references(community) : communityId,
    streetId: uuid('street_id').notNull(),
    districtId: uuid('district_id').notNull(),
  };
}

/** All six scope ids, district first: district, street and community never null, the finer levels where the row has them. */
export const areaScopeIds = () => ({
  districtId: uuid('district_id').notNull(),
  streetId: uuid('street_id').notNull(),
  communityId: uuid('community_id').notNull(),
  compoundId: uuid('compound_id'),
  gridId: uuid('grid_id'),
  buildingId: uuid('building_id'),
});

/** Who did what and when: the columns a log of actions starts with. */
export const actionLogColumns = () => ({
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  action: text('action').notNull(),
});
