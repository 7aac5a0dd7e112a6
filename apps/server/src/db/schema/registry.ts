import { customType, date, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areaNodes, flats } from './areas.js';
import { residentStatus, residentType } from './enums.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** 户: a household living in a flat. Carries its scope ids like every tenant-owned row. */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flatId: uuid('flat_id').references(() => flats.id),
    buildingId: uuid('building_id').references(() => areaNodes.id),
    gridId: uuid('grid_id'),
    compoundId: uuid('compound_id'),
    communityId: uuid('community_id').notNull(),
    streetId: uuid('street_id').notNull(),
    districtId: uuid('district_id').notNull(),
    /** e.g. 租住 rented, 自住 owner-occupied */
    tenure: text('tenure').notNull().default('owner'),
    tags: text('tags').array().notNull().default([]),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('households_community_idx').on(t.communityId),
    index('households_building_idx').on(t.buildingId),
    index('households_flat_idx').on(t.flatId),
  ],
);

/** 居民. ID number and phone are stored encrypted, with a keyed hash for exact lookup and the tail for search. */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    communityId: uuid('community_id').notNull(),
    streetId: uuid('street_id').notNull(),
    districtId: uuid('district_id').notNull(),
    gridId: uuid('grid_id'),
    buildingId: uuid('building_id'),
    name: text('name').notNull(),
    /** pinyin initials, so `zs` finds 张三 */
    nameInitials: text('name_initials').notNull(),
    idNumberEnc: bytea('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    idTail: text('id_tail'),
    phoneEnc: bytea('phone_enc'),
    phoneTail: text('phone_tail'),
    /** GB/T 2261.1 */
    sex: smallint('sex').notNull().default(0),
    birthDate: date('birth_date'),
    /** GB/T 4761 */
    relation: text('relation').notNull().default('99'),
    /** GB/T 4762 */
    political: text('political').notNull().default('13'),
    /** GB/T 3304 */
    ethnicity: text('ethnicity').notNull().default('01'),
    residentType: residentType('resident_type').notNull().default('registered'),
    status: residentStatus('status').notNull().default('active'),
    tags: text('tags').array().notNull().default([]),
    partyOrgId: uuid('party_org_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('residents_household_idx').on(t.householdId),
    index('residents_community_idx').on(t.communityId),
    index('residents_id_hash_idx').on(t.idNumberHash),
    index('residents_building_idx').on(t.buildingId),
  ],
);

/** 党组织: community committee / general branch → grid branch → party group → red post. */
export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areaNodes.id),
    communityId: uuid('community_id').notNull(),
    streetId: uuid('street_id').notNull(),
    districtId: uuid('district_id').notNull(),
  },
  (t) => [index('party_orgs_community_idx').on(t.communityId)],
);
