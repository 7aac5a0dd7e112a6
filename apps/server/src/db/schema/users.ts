import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areaNodes, handlerOrgs } from './areas.js';
import { actionLogColumns } from './columns.js';
import { auditOutcome, role } from './enums.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /** the UI language the user chose; null until they choose one (the browser's language applies meanwhile) */
    locale: text('locale'),
    /** where order notifications are e-mailed when SMTP is configured */
    email: text('email'),
    /** the resident record of a resident user (their household follows from it) */
    residentId: uuid('resident_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), check('users_username_lower_ck', sql`${t.username} = lower(${t.username})`)],
);

/** A role held by a user inside exactly one scope: an area node or a handler organisation. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: role('role').notNull(),
    areaId: uuid('area_id').references(() => areaNodes.id),
    orgId: uuid('org_id').references(() => handlerOrgs.id),
  },
  (t) => [
    index('role_assignments_user_idx').on(t.userId),
    check('role_assignments_one_scope_ck', sql`(${t.areaId} IS NULL) <> (${t.orgId} IS NULL)`),
  ],
);

/** Server-side sessions; the cookie holds a random token, the row its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Failed sign-ins, counted per account and per address for throttling. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    keyKind: text('key_kind').notNull(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_idx').on(t.keyKind, t.key, t.at)],
);

/** Who did what, when, from where: sign-ins, failures, reveals and every mutation. */
export const auditLog = pgTable(
  'audit_log',
  {
    ...actionLogColumns(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    outcome: auditOutcome('outcome').notNull().default('ok'),
    ip: text('ip'),
    requestId: text('request_id'),
    /** the scope the row belongs to, so auditors see only their own area */
    streetId: uuid('street_id'),
    communityId: uuid('community_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
  ],
);
