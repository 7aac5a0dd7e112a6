import { inArray, sql } from 'drizzle-orm';
import { conflict } from '../core/errors.js';
import type { Pii } from '../core/pii.js';
import type { Db, Tx } from '../db/pool.js';
import {
  areaNodes,
  consultationVotes,
  consultations,
  dutyLogs,
  flatOwners,
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
  propertySurveys,
  surveyAnswers,
  residents,
  roleAssignments,
  socialWorkers,
  users,
  activities,
  volunteerHours,
  volunteerTeams,
  volunteers,
  visits,
  householdLastVisits,
  meetingDecisionOrders,
  meetingDecisions,
  meetingInvitees,
  meetingTasks,
  meetings,
} from '../db/schema/index.js';
import { DEFAULT_DEMO_OPEN311_KEY } from '../config.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { DEMO_SEED, generateDemo } from './generate.js';
import { buildDemoAutonomy, insertDemoAutonomy } from './mediation-seed.js';
import { buildDemoConsultations } from './consultations.js';
import { buildHongfuOwnersVote, withFloorAreas } from './owners-vote.js';
import { buildDemoMeetings } from './meetings.js';
import { buildDemoProgrammes } from './programmes.js';
import { buildDemoProjects, insertDemoProjects } from './projects.js';
import { buildDemoSurveys } from './surveys.js';
import { insertDemoStreetBounds } from './open311.js';
import { buildDemoSupermarket, insertDemoSupermarket } from './orders-seed.js';
import { seedPartyMembers } from './party-tree.js';
import { demoPosts, demoVolunteers } from './posts.js';
import { createRng } from './rng.js';
import { householdRow, insertBatches, residentRow } from './rows.js';
import { type DemoUser, buildDemoUsers } from './users.js';
import { buildDemoVolunteering } from './volunteering.js';
import { buildDemoVisits, demoVisitorOf } from './visits.js';

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
  const seed = opts.seed ?? DEMO_SEED;
  const now = opts.now ?? new Date();
  if (!(await isDatabaseEmpty(db))) throw conflict(NOT_EMPTY);
  const passwordHash = await hashPassword(opts.password);
  log('seeding the demo: generating');
  const demo = generateDemo({ seed, now });
  const demoUsers = buildDemoUsers(demo.rng, { areas: demo.areas, households: demo.households, orgs: demo.orgs, passwordHash });
  // the party's records come from a generator of their own, so everything else stays as the seed made it
  const partyRng = createRng(seed + 1);
  const party = seedPartyMembers(partyRng, demo.party, now, pii);
  const residentRows = demo.households.flatMap((h) => h.members.map((p) => residentRow(p, h, pii)));
  const partyRows = demo.party.flatMap((p) => p.rows);
  const refs = {
    memberOf: new Map(party.rows.flatMap((m) => (m.residentId ? [[m.residentId, m.id!] as const] : []))),
    redPosts: party.redPosts,
    branchOfGrid: new Map(partyRows.flatMap((o) => (o.kind === 'branch' && o.gridId === o.areaId ? [[o.areaId, o.id!] as const] : []))),
  };
  const postRows = demoPosts(partyRng, demo, refs, demoUsers.assignmentRows, now);
  const volunteerIds = demoVolunteers(demo, postRows);
  const volunteering = buildDemoVolunteering({
    seed,
    demo,
    volunteerIds,
    users: demoUsers.userRows.map((u) => ({ id: u.id!, username: u.username, displayName: u.displayName })),
    now,
  });
  const homes = { areas: demo.areas, households: demo.households };
  const anpingStaffId = demoUsers.userRows.find((u) => u.username === 'anping-staff')!.id!;
  const supermarketStarted = Date.now();
  const supermarket = buildDemoSupermarket({
    demo,
    seed,
    now,
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
    seed,
    now,
  });

  const consulting = buildDemoConsultations({
    rng: createRng(seed + 13),
    now,
    ...homes,
    staffId: anpingStaffId,
  });

  const ownersVote = buildHongfuOwnersVote({
    rng: createRng(seed + 37),
    now,
    ...homes,
    staffId: anpingStaffId,
  });

  const meeting = buildDemoMeetings({
    rng: createRng(seed + 29),
    now,
    areas: demo.areas,
    households: demo.households,
    orders: supermarket.orderRows,
    serviceCode: new Map(supermarket.serviceRows.map((s) => [s.id!, s.code])),
    orgs: demo.orgs.rows,
    staffId: anpingStaffId,
  });

  const care = buildDemoProgrammes({
    rng: createRng(seed + 17),
    now,
    areas: demo.areas,
    households: demo.households,
    orgs: demo.orgs.rows,
  });

  const visiting = buildDemoVisits({
    rng: createRng(seed + 19),
    now,
    households: demo.households,
    visitorOf: demoVisitorOf(demoUsers),
  });

  const lvyangStaff = demoUsers.userRows.find((u) => u.username === 'lvyang-staff')!;
  const residentId = demoUsers.userRows.find((u) => u.username === 'resident')!.residentId;
  const surveying = buildDemoSurveys({
    rng: createRng(seed + 23),
    now,
    areas: demo.areas,
    households: demo.households,
    orgs: demo.orgs.rows,
    staffId: lvyangStaff.id!,
    keepOpenFor: new Set(demo.households.filter((h) => h.members.some((m) => m.id === residentId)).map((h) => h.id)),
  });

  const projects = buildDemoProjects({
    rng: createRng(seed + 31),
    now,
    areas: demo.areas,
    orgs: demo.orgs.rows,
    users: demoUsers.userRows,
    services: supermarket.serviceRows,
    activities: volunteering.activities,
  });

  await db.transaction(async (tx) => {
    // two servers starting on one empty database must not both seed it
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('linli-demo-seed'))`);
    if (!(await isDatabaseEmpty(tx))) throw conflict(NOT_EMPTY);
    const step = (label: string) => ({ label, log });
    await insertBatches(tx, areaNodes, demo.areas.areaRows, step('areas'));
    await insertBatches(tx, flats, withFloorAreas(demo.areas.flatRows, ownersVote.flatAreas), step('flats'));
    await insertDemoStreetBounds(tx, demo.areas.street);
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
    await insertBatches(tx, flatOwners, ownersVote.owners, step('flat owners'));
    await insertBatches(tx, consultations, ownersVote.topics, step("owners' vote"));
    await insertBatches(tx, consultationVotes, ownersVote.votes, step("owners' ballots"));
    await insertBatches(tx, meetings, meeting.meetings, step('meetings'));
    await insertBatches(tx, meetingInvitees, meeting.invitees, step('meeting invitees'));
    await insertBatches(tx, meetingDecisions, meeting.decisions, step('meeting decisions'));
    await insertBatches(tx, meetingDecisionOrders, meeting.links, step('meeting decision orders'));
    await insertBatches(tx, meetingTasks, meeting.tasks, step('meeting tasks'));
    await insertBatches(tx, programmes, care.programmes, step('care programmes'));
    await insertBatches(tx, programmeEnrolments, care.enrolments, step('programme enrolments'));
    await insertBatches(tx, programmeSessions, care.sessions, step('programme sessions'));
    await insertBatches(tx, programmeAttendance, care.attendance, step('programme attendance'));
    await insertBatches(tx, socialWorkers, care.workers, step('social workers'));
    await insertDemoProjects(tx, projects, step('service projects'));
    await insertBatches(tx, propertySurveys, surveying.surveys, step('property surveys'));
    await insertBatches(tx, surveyAnswers, surveying.answers, step('survey answers'));
    await insertBatches(tx, visits, visiting.visits, step('visits'));
    await insertBatches(tx, householdLastVisits, visiting.lastVisits, step('last visits'));
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
