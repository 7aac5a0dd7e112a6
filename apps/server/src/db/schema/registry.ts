import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areaNodes, flats } from './areas.js';
import { residentStatus, residentType } from './enums.js';
import { actionLogColumns, bytea, communityScopeIds } from './columns.js';

/** 户: a household living in a flat. Carries its scope ids like every tenant-owned row. */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flatId: uuid('flat_id').references(() => flats.id),
    buildingId: uuid('building_id').references(() => areaNodes.id),
    gridId: uuid('grid_id'),
    compoundId: uuid('compound_id'),
    ...communityScopeIds(),
    /** e.g. 租住 rented, 自住 owner-occupied */
    tenure: text('tenure').notNull().default('owner'),
    tags: text('tags').array().notNull().default([]),
    status: text('status').notNull().default('active'),
    movedInOn: date('moved_in_on'),
    movedOutOn: date('moved_out_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('households_community_idx').on(t.communityId),
    index('households_building_idx').on(t.buildingId),
    index('households_flat_idx').on(t.flatId),
    index('households_grid_idx').on(t.gridId),
    index('households_compound_idx').on(t.compoundId),
    index('households_street_idx').on(t.streetId),
    index('households_tags_idx').using('gin', t.tags),
  ],
);

/** The household a row belongs to (a resident, a visit). */
export const householdIdColumn = () =>
  uuid('household_id')
    .notNull()
    .references(() => households.id);

/** 居民. ID number and phone are stored encrypted, with a keyed hash for exact lookup and the tail for search. */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: householdIdColumn(),
    ...communityScopeIds(),
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
    /** the masked forms (320102********1234, 138****5678), kept at write time so exports need no decryption */
    idMasked: text('id_masked'),
    phoneMasked: text('phone_masked'),
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
    volunteer: boolean('volunteer').notNull().default(false),
    note: text('note'),
    movedInOn: date('moved_in_on'),
    movedOutOn: date('moved_out_on'),
    diedOn: date('died_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('residents_household_idx').on(t.householdId),
    index('residents_community_idx').on(t.communityId),
    index('residents_id_hash_idx').on(t.idNumberHash),
    index('residents_building_idx').on(t.buildingId),
    index('residents_grid_idx').on(t.gridId),
    index('residents_street_idx').on(t.streetId),
    // one active registration per person and district; moved-out and deceased rows keep their ID
    uniqueIndex('residents_active_id_uq')
      .on(t.districtId, t.idNumberHash)
      .where(sql`${t.status} = 'active'`),
    index('residents_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    // one- and two-character name pieces, each also prefixed with the community and the street (migration 0011)
    index('residents_name_keys_idx').using('gin', sql`resident_name_keys(${t.communityId}, ${t.streetId}, ${t.name})`),
    index('residents_initials_idx').on(t.nameInitials.op('text_pattern_ops')),
    index('residents_phone_tail_idx').on(t.phoneTail),
    index('residents_id_tail_idx').on(t.idTail),
    index('residents_tags_idx').using('gin', t.tags),
    index('residents_birth_date_idx').on(t.communityId, t.birthDate),
    index('residents_type_idx').on(t.communityId, t.residentType),
    index('residents_political_idx').on(t.communityId, t.political),
  ],
);

/** 变更记录: who changed which field of a household or resident, from what to what (ID numbers and phones masked). */
export const registryHistory = pgTable(
  'registry_history',
  {
    ...actionLogColumns(),
    entityType: text('entity_type').$type<'household' | 'resident'>().notNull(),
    entityId: uuid('entity_id').notNull(),
    /** the household the entry belongs to, so a household's file lists its members' changes too */
    householdId: uuid('household_id').notNull(),
    ...communityScopeIds(),
    changes: jsonb('changes').$type<{ field: string; from: string | null; to: string | null }[]>().notNull().default([]),
  },
  (t) => [index('registry_history_entity_idx').on(t.entityId, t.id), index('registry_history_household_idx').on(t.householdId, t.id)],
);

/** A community's settings for a care tag: overrides of a built-in one, or its own tag. */
export const careTagSettings = pgTable(
  'care_tag_settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...communityScopeIds(() => areaNodes.id),
    code: text('code').notNull(),
    labelZh: text('label_zh').notNull(),
    labelEn: text('label_en').notNull(),
    color: text('color').notNull(),
    appliesTo: text('applies_to').$type<'person' | 'household' | 'both'>().notNull(),
    visitEveryDays: integer('visit_every_days'),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('care_tag_settings_community_code_uq').on(t.communityId, t.code)],
);
