import { OverdueList, VisitListDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { careTagSettings } from '../../db/schema/index.js';
import { type Agent, TEST_PASSWORD, type Tree, buildCommunityTree, buildUser, signIn, useTestApp } from '../../testing/index.js';
import { daysAgo, insertHousehold } from './test-data.js';

const ctx = useTestApp();

describe("visit frequency follows the community's care-tag settings", () => {
  let A: Tree;
  let B: Tree;
  let sup: Agent;
  const h: Record<string, string> = {};
  beforeAll(async () => {
    const db = ctx.t.db;
    A = await buildCommunityTree(db);
    B = await buildCommunityTree(db, A.street);
    const setting = (code: string, visitEveryDays: number | null, active = true) => ({
      communityId: A.community.id,
      streetId: A.street.id,
      districtId: A.district.id,
      code,
      labelZh: code,
      labelEn: code,
      color: '#000000',
      appliesTo: 'both' as const,
      visitEveryDays,
      active,
    });
    await db.insert(careTagSettings).values([setting('empty_nest', 3), setting('key_care', 7, false), setting('veteran_widow', 5)]);
    // each registered 10 days ago and never visited
    h.emptyNestA = await insertHousehold(db, A.building, { tags: ['empty_nest'], registeredDaysAgo: 10 });
    h.emptyNestB = await insertHousehold(db, B.building, { tags: ['empty_nest'], registeredDaysAgo: 10 });
    h.keyCareA = await insertHousehold(db, A.building, { members: [{ tags: ['key_care'] }], registeredDaysAgo: 10 });
    h.keyCareB = await insertHousehold(db, B.building, { members: [{ tags: ['key_care'] }], registeredDaysAgo: 10 });
    h.customA = await insertHousehold(db, A.building, { members: [{ tags: ['veteran_widow', 'entitled'] }], registeredDaysAgo: 10 });
    const u = await buildUser(db, 'street_supervisor', { areaId: A.street.id });
    sup = await signIn(ctx.app, u.username, TEST_PASSWORD);
  });

  it('applies a changed interval, a switched-off tag and a custom tag in that community only', async () => {
    const res = await sup.get('/api/visits/overdue');
    expect(res.statusCode).toBe(200);
    const rows = new Map(OverdueList.parse(res.json()).items.map((i) => [i.household.id, [i.everyDays, i.daysOverdue, i.reasonTags]]));
    // never visited: each is due since its registration 10 days ago, at its community's interval
    expect(rows).toEqual(
      new Map([
        [h.emptyNestA, [3, 10, ['empty_nest']]],
        [h.emptyNestB, [14, 10, ['empty_nest']]],
        [h.customA, [5, 10, ['veteran_widow', 'entitled']]],
        [h.keyCareB, [7, 10, ['key_care']]],
      ]),
    );
  });

  it('gives the same frequency and due date in the household summary', async () => {
    const summary = async (id: string | undefined) => VisitListDto.parse((await sup.get(`/api/households/${id}/visits`)).json()).summary;
    expect(await summary(h.emptyNestA)).toEqual({ lastVisitOn: null, everyDays: 3, nextVisitDue: daysAgo(10) });
    expect(await summary(h.emptyNestB)).toEqual({ lastVisitOn: null, everyDays: 14, nextVisitDue: daysAgo(10) });
    expect(await summary(h.keyCareA)).toEqual({ lastVisitOn: null, everyDays: null, nextVisitDue: null });
    expect(await summary(h.customA)).toEqual({ lastVisitOn: null, everyDays: 5, nextVisitDue: daysAgo(10) });
  });
});
