import type {
  Education,
  PartyOrgKind,
  Employment,
  HolderStatus,
  PartyFlow,
  PartyMemberStatus,
  PartyRegistration,
  PartyStanding,
  PostKind,
} from '@linli/contracts';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { areaNodes } from './areas.js';
import { bytea, communityScopeIds } from './columns.js';
import { residents } from './registry.js';
import { users } from './users.js';

const scope = () => communityScopeIds();
/** Scope ids below the community, copied from the area a row is bound to. */
const areaScope = () => ({
  compoundId: uuid('compound_id'),
  gridId: uuid('grid_id'),
  buildingId: uuid('building_id'),
  ...scope(),
});
const stamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 党组织: committee or general branch → branch → party group → building red post, each bound to an area node
 * inside its parent's area; carries the area's ancestor ids like every tenant-owned row.
 */
export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<PartyOrgKind>().notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => partyOrgs.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areaNodes.id),
    /** a member of the organisation's subtree (no foreign key: members point at organisations) */
    secretaryMemberId: uuid('secretary_member_id'),
    position: integer('position').notNull().default(0),
    ...areaScope(),
    ...stamps(),
  },
  (t) => [
    index('party_orgs_community_idx').on(t.communityId),
    index('party_orgs_parent_idx').on(t.parentId),
    index('party_orgs_street_idx').on(t.streetId),
  ],
);

/**
 * 党员: a membership in one organisation of the party tree. A member living in the community points at their
 * resident record (name, sex, birth date and phone come from there); an in-service member living elsewhere
 * (在职党员报到) carries them here, the phone encrypted like the registry's.
 */
export const partyMembers = pgTable(
  'party_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => partyOrgs.id),
    residentId: uuid('resident_id').references(() => residents.id),
    name: text('name'),
    sex: smallint('sex'),
    birthDate: date('birth_date'),
    phoneEnc: bytea('phone_enc'),
    phoneTail: text('phone_tail'),
    standing: text('standing').$type<PartyStanding>().notNull().default('full'),
    joinedOn: date('joined_on'),
    education: text('education').$type<Education>(),
    employment: text('employment').$type<Employment>().notNull().default('in_service'),
    registration: text('registration').$type<PartyRegistration>().notNull().default('local'),
    flow: text('flow').$type<PartyFlow>().notNull().default('none'),
    flowNote: text('flow_note'),
    workUnit: text('work_unit'),
    reportedOn: date('reported_on'),
    commitments: text('commitments'),
    status: text('status').$type<PartyMemberStatus>().notNull().default('active'),
    leftOn: date('left_on'),
    /** the sign-in account of an in-service member reporting here (在职党员报到), who lives elsewhere */
    userId: uuid('user_id').references(() => users.id),
    ...scope(),
    ...stamps(),
  },
  (t) => [
    index('party_members_org_idx').on(t.orgId),
    index('party_members_community_idx').on(t.communityId, t.status),
    index('party_members_street_idx').on(t.streetId),
    uniqueIndex('party_members_user_uq')
      .on(t.userId)
      .where(sql`${t.userId} IS NOT NULL`),
    uniqueIndex('party_members_active_resident_uq')
      .on(t.residentId)
      .where(sql`${t.status} = 'active' AND ${t.residentId} IS NOT NULL`),
    check('party_members_person_ck', sql`${t.residentId} IS NOT NULL OR (${t.name} IS NOT NULL AND ${t.birthDate} IS NOT NULL)`),
  ],
);

/** 设岗定责: a post the community defines, on the area it covers, with its duties; held by one person at a time. */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<PostKind>().notNull(),
    title: text('title').notNull(),
    duties: text('duties').notNull(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areaNodes.id, { onDelete: 'cascade' }),
    partyOrgId: uuid('party_org_id').references(() => partyOrgs.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    ...areaScope(),
    ...stamps(),
  },
  (t) => [
    index('posts_community_idx').on(t.communityId),
    index('posts_area_idx').on(t.areaId),
    index('posts_building_idx').on(t.buildingId),
    index('posts_grid_idx').on(t.gridId),
  ],
);

/** A claim or holding of a post: by a party member, or (assigned by staff) by a resident who is not one. */
export const postHolders = pgTable(
  'post_holders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => partyMembers.id),
    residentId: uuid('resident_id').references(() => residents.id, { onDelete: 'cascade' }),
    status: text('status').$type<HolderStatus>().notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    ...scope(),
  },
  (t) => [
    // one live holding per post: of two claims at once, one wins
    uniqueIndex('post_holders_live_uq')
      .on(t.postId)
      .where(sql`${t.status} IN ('claimed', 'active')`),
    index('post_holders_member_idx').on(t.memberId),
    index('post_holders_resident_idx').on(t.residentId),
    index('post_holders_community_idx').on(t.communityId, t.status),
    check('post_holders_person_ck', sql`${t.memberId} IS NOT NULL OR ${t.residentId} IS NOT NULL`),
  ],
);

/** 履职记录: what a holder did on a day, from their phone or entered by staff. */
export const dutyLogs = pgTable(
  'duty_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => postHolders.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').notNull(),
    memberId: uuid('member_id'),
    on: date('on').notNull(),
    hours: numeric('hours', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    content: text('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    ...scope(),
  },
  (t) => [
    index('duty_logs_holder_idx').on(t.holderId, t.on),
    index('duty_logs_member_idx').on(t.memberId),
    index('duty_logs_community_idx').on(t.communityId, t.on),
  ],
);
