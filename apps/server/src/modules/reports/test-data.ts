import { sql } from 'drizzle-orm';
import type { Db } from '../../db/pool.js';
import { activities, mediationCases, visits, volunteerHours, volunteers } from '../../db/schema/index.js';
import { buildCommunityTree, buildFlat, buildHousehold, buildOrderRow, buildService, buildUser } from '../../testing/index.js';

export const PERIOD = { from: '2025-01-01', to: '2025-03-31' };

/**
 * Two communities of one street. One: 3 households (4 residents, one floating; a low-income household, an elderly
 * person living alone registered long ago and never visited), 2 buildings with flats of which one has a building map,
 * 3 orders in the period (one resolved and rated satisfied) and one before it, 2 visits in the period. Two: 1 household.
 */
export async function buildReportData(db: Db) {
  const one = await buildCommunityTree(db);
  const two = await buildCommunityTree(db, one.street);
  const staff = await buildUser(db, 'community_staff', { areaId: one.community.id });
  const poor = await buildHousehold(db, one.building, { tags: ['low_income'], members: 2 });
  const alone = await buildHousehold(db, one.building, { head: { tags: ['elderly_alone'], residentType: 'floating' } });
  await db.execute(sql`UPDATE households SET created_at = '2024-01-01T10:00:00+08:00' WHERE id = ${alone.id}`);
  await buildFlat(db, one.building);
  await buildHousehold(db, two.building);
  const water = await buildService(db, one.street, { name: '水电维修' });
  const at = (d: string) => new Date(`${d}T10:00:00+08:00`);
  await buildOrderRow(db, water, one.building, {
    placedAt: at('2025-01-10'),
    dispatchedAt: at('2025-01-10'),
    acceptedOnTime: true,
    status: 'closed',
    outcome: 'resolved',
    closedAt: at('2025-01-12'),
    rating: 'satisfied',
  });
  await buildOrderRow(db, water, one.building, { placedAt: at('2025-03-02') });
  await buildOrderRow(db, water, one.building, { placedAt: at('2025-03-03') });
  await buildOrderRow(db, water, one.building, { placedAt: at('2024-12-30') });
  for (const visitedOn of ['2025-02-01', '2025-03-15'])
    await db.insert(visits).values({
      householdId: poor.id,
      districtId: poor.districtId,
      streetId: poor.streetId,
      communityId: poor.communityId,
      gridId: poor.gridId,
      buildingId: poor.buildingId,
      visitorId: staff.id,
      visitedOn,
      kind: 'home',
    });
  await buildVolunteering(db, one.community);
  const dispute = (caseNo: string, status: 'agreed' | 'withdrawn') => ({
    caseNo,
    districtId: one.district.id,
    streetId: one.street.id,
    communityId: one.community.id,
    kind: 'parking' as const,
    title: '车位纠纷',
    facts: '占用车位',
    status,
    openedAt: at('2025-02-03'),
    dueAt: at('2025-03-03'),
  });
  await db.insert(mediationCases).values([dispute(`T-${one.community.id}-1`, 'agreed'), dispute(`T-${one.community.id}-2`, 'withdrawn')]);
  return { one, two, water };
}

/** One volunteer with 2.5 verified hours; held in the period: a volunteer-service activity serving 12, a cultural one; one still open. */
async function buildVolunteering(db: Db, c: { id: string; streetId: string | null; districtId: string | null }) {
  const scope = { communityId: c.id, streetId: c.streetId!, districtId: c.districtId! };
  const [v] = await db
    .insert(volunteers)
    .values({ name: '红管家', registeredBy: 'staff', ...scope })
    .returning();
  const activity = (kind: 'volunteer_service' | 'cultural', day: string, status: 'held' | 'open', peopleServed: number) => ({
    kind,
    title: `${kind} ${day}`,
    organiser: '社区',
    place: '活动中心',
    startsAt: new Date(`${day}T09:00:00+08:00`),
    endsAt: new Date(`${day}T11:00:00+08:00`),
    capacity: 20,
    checkinCode: `c-${day}`,
    status,
    peopleServed,
    ...scope,
  });
  await db
    .insert(activities)
    .values([
      activity('volunteer_service', '2025-02-10', 'held', 12),
      activity('cultural', '2025-03-08', 'held', 30),
      activity('volunteer_service', '2025-03-20', 'open', 0),
    ]);
  await db.insert(volunteerHours).values({
    volunteerId: v!.id,
    source: 'organiser',
    status: 'verified',
    startsAt: new Date('2025-02-10T09:00:00+08:00'),
    endsAt: new Date('2025-02-10T11:30:00+08:00'),
    hours: 2.5,
    content: '助老服务',
    organiser: '社区',
    ...scope,
  });
}
