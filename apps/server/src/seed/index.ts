import { inArray, sql } from 'drizzle-orm';
import { conflict } from '../core/errors.js';
import type { Pii } from '../core/pii.js';
import type { Db, Tx } from '../db/pool.js';
import {
  areaNodes,
  consultationVotes,
  consultations,
  dutyLogs,
  flats,
  handlerOrgs,
  households,
  partyMembers,
  partyOrgs,
  postHolders,
  posts,
  programmeAttendance,
  programmeEnrolments,
  programmeSessions,
  programmes,
  residents,
  roleAssignments,
  socialWorkers,
  users,
  activities,
  volunteerHours,
  volunteerTeams,
  volunteers,
} from '../db/schema/index.js';
import { DEFAULT_DEMO_OPEN311_KEY } from '../config.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { DEMO_SEED, generateDemo } from './generate.js';
import { buildDemoAutonomy, insertDemoAutonomy } from './mediation-seed.js';
import { buildDemoConsultations } from './consultations.js';
import { buildDemoProgrammes } from './programmes.js';
import { buildDemoSupermarket, insertDemoSupermarket } from './orders-seed.js';
import { seedPartyMembers } from './party-tree.js';
import { demoPosts, demoVolunteers } from './posts.js';
import { createRng } from './rng.js';
import { householdRow, insertBatches, residentRow } from './rows.js';
import { type DemoUser, buildDemoUsers } from './users.js';
import { buildDemoVolunteering } from './volunteering.js';

export type { DemoUser } from './users.js';
export { DEMO_USERNAMES } from './users.js';
export { DEMO_SEED } from './generate.js';

const NOT_EMPTY = 'The database is not empty; the demo seeds only an empty database.';

export type SeedDemoOptions = {
  db: Db;
  pii: Pii;
  /** the password of every demo user */
  password: string;
  log: (msg: string) => void;
  /** ages are counted back from here; defaults to the current time */
  now?: Date;
  seed?: number;
  /** the plain Open311 demo key (only its hash is stored); defaults to DEFAULT_DEMO_OPEN311_KEY */
  open311Key?: string;
};

/** True when no area exists yet: the demo seeds only such a database. */
export async function isDatabaseEmpty(db: Db | Tx): Promise<boolean> {
  const rows = await db.select({ id: areaNodes.id }).from(areaNodes).limit(1);
  return rows.length === 0;
}

/**
 * Seeds the two reference communities (Anping, Green Yangyuan) under Hanjiang / Zhuxi street, with their
 * residents, party organisations, handler organisations and one demo user per role, in one transaction.
 * Refuses (409) when the database already holds areas.
 */
export async function seedDemo(opts: SeedDemoOptions) {
  const { db, pii, log } = opts;
  const started = Date.now();
  if (!(await isDatabaseEmpty(db))) throw conflict(NOT_EMPTY);
  const passwordHash = await hashPassword(opts.password);
  log('seeding the demo: generating');
  const demo = generateDemo({ seed: opts.seed ?? DEMO_SEED, now: opts.now ?? new Date() });
  const demoUsers = buildDemoUsers(demo.rng, { areas: demo.areas, households: demo.households, orgs: demo.orgs, passwordHash });
  // the party's records come from a generator of their own, so everything else stays as the seed made it
  const partyRng = createRng((opts.seed ?? DEMO_SEED) + 1);
  const party = seedPartyMembers(partyRng, demo.party, opts.now ?? new Date(), pii);
  const residentRows = demo.households.flatMap((h) => h.members.map((p) => residentRow(p, h, pii)));
  const partyRows = demo.party.flatMap((p) => p.rows);
  const refs = {
    memberOf: new Map(party.rows.flatMap((m) => (m.residentId ? [[m.residentId, m.id!] as const] : []))),
    redPosts: party.redPosts,
    branchOfGrid: new Map(partyRows.flatMap((o) => (o.kind === 'branch' && o.gridId === o.areaId ? [[o.areaId, o.id!] as const] : []))),
  };
  const postRows = demoPosts(partyRng, demo, refs, demoUsers.assignmentRows, opts.now ?? new Date());
  const volunteerIds = demoVolunteers(demo, postRows);
  const volunteering = buildDemoVolunteering({
    seed: opts.seed ?? DEMO_SEED,
    demo,
    volunteerIds,
    users: demoUsers.userRows.map((u) => ({ id: u.id!, username: u.username, displayName: u.displayName })),
    now: opts.now ?? new Date(),
  });
  const supermarketStarted = Date.now();
  const supermarket = buildDemoSupermarket({
    demo,
    seed: opts.seed ?? DEMO_SEED,
    now: opts.now ?? new Date(),
    users: demoUsers.userRows.map((u) => ({ id: u.id!, username: u.username, displayName: u.displayName, residentId: u.residentId })),
    pii,
    open311Key: opts.open311Key ?? DEFAULT_DEMO_OPEN311_KEY,
  });
  const supermarketBuilt = Date.now() - supermarketStarted;
  // property management and mediation; the cases' entries join their orders' timelines before those are inserted
  const autonomy = buildDemoAutonomy({
    demo,
    supermarket,
    users: demoUsers.userRows,
    seed: opts.seed ?? DEMO_SEED,
    now: opts.now ?? new Date(),
  });

  const consulting = buildDemoConsultations({
    rng: createRng((opts.seed ?? DEMO_SEED) + 13),
    now: opts.now ?? new Date(),
    areas: demo.areas,
    households: demo.households,
    staffId: demoUsers.userRows.find((u) => u.username === 'anping-staff')!.id!,
  });

  const care = buildDemoProgrammes({
    rng: createRng((opts.seed ?? DEMO_SEED) + 17),
    now: opts.now ?? new Date(),
    areas: demo.areas,
    households: demo.households,
    orgs: demo.orgs.rows,
  });

  await db.transaction(async (tx) => {
    // two servers starting on one empty database must not both seed it
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('linli-demo-seed'))`);
    if (!(await isDatabaseEmpty(tx))) throw conflict(NOT_EMPTY);
    const step = (label: string) => ({ label, log });
    await insertBatches(tx, areaNodes, demo.areas.areaRows, step('areas'));
    await insertBatches(tx, flats, demo.areas.flatRows, step('flats'));
    await insertBatches(tx, handlerOrgs, demo.orgs.rows, step('organisations'));
    await insertBatches(tx, partyOrgs, partyRows, step('party organisations'));
    await insertBatches(tx, households, demo.households.map(householdRow), step('households'));
    await insertBatches(tx, residents, residentRows, step('residents'));
    await insertBatches(tx, users, demoUsers.userRows, step('users'));
    await insertBatches(tx, roleAssignments, demoUsers.assignmentRows, step('role assignments'));
    await insertBatches(tx, partyMembers, party.rows, step('party members'));
    await insertBatches(tx, posts, postRows.posts, step('posts'));
    await insertBatches(tx, postHolders, postRows.holders, step('post holders'));
    await insertBatches(tx, dutyLogs, postRows.logs, step('duty logs'));
    await tx.update(residents).set({ volunteer: true }).where(inArray(residents.id, volunteerIds));
    await insertBatches(tx, volunteerTeams, volunteering.teams, step('volunteer teams'));
    await insertBatches(tx, volunteers, volunteering.volunteers, step('volunteers'));
    await insertBatches(tx, activities, volunteering.activities, step('activities'));
    await insertBatches(tx, volunteerHours, volunteering.hours, step('volunteer hours'));
    const inserting = Date.now();
    await insertDemoSupermarket(tx, supermarket, log);
    await insertDemoAutonomy(tx, autonomy, log);
    await insertBatches(tx, consultations, consulting.topics, step('consultations'));
    await insertBatches(tx, consultationVotes, consulting.votes, step('consultation votes'));
    await insertBatches(tx, programmes, care.programmes, step('care programmes'));
    await insertBatches(tx, programmeEnrolments, care.enrolments, step('programme enrolments'));
    await insertBatches(tx, programmeSessions, care.sessions, step('programme sessions'));
    await insertBatches(tx, programmeAttendance, care.attendance, step('programme attendance'));
    await insertBatches(tx, socialWorkers, care.workers, step('social workers'));
    log(
      `seeded the supermarket: built in ${(supermarketBuilt / 1000).toFixed(1)} s, inserted in ${((Date.now() - inserting) / 1000).toFixed(1)} s`,
    );
  });
  // bulk-loaded tables have no planner statistics until autovacuum comes by; without them the first queries crawl
  await db.execute(sql`ANALYZE`);

  const per = demo.perCommunity;
  const sum = (k: keyof (typeof per)[number]) => per.reduce((s, c) => s + (c[k] as number), 0);
  const counts = {
    communities: per.length,
    compounds: sum('compounds'),
    grids: sum('grids'),
    buildings: sum('buildings'),
    flats: sum('flats'),
    households: sum('households'),
    residents: sum('residents'),
    floatingResidents: sum('floatingResidents'),
    partyOrgs: partyRows.length,
    partyMembers: sum('partyMembers'),
    reportingPartyMembers: party.rows.filter((m) => m.registration === 'reporting').length,
    posts: postRows.posts.length,
    dutyLogs: postRows.logs.length,
    handlerOrgs: demo.orgs.rows.length,
    services: supermarket.serviceRows.length,
    orders: supermarket.orderRows.length,
    orderEvents: supermarket.eventRows.length,
    users: demoUsers.userRows.length,
    perCommunity: per,
  };
  log(`seeded the demo in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.residents.toLocaleString('en-US')} residents`);
  return { users: demoUsers.summary satisfies DemoUser[], counts };
}

export type SeedDemoResult = Awaited<ReturnType<typeof seedDemo>>;
