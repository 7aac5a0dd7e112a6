import { HouseholdListItem, ResidentSearchItem, paged, upgradeLegacyId } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { households } from '../../db/schema/index.js';
import {
  type Agent,
  type Tree,
  buildArea,
  buildCommunityTree,
  buildFlat,
  buildHousehold,
  buildResident,
  useTestApp,
} from '../../testing/index.js';
import { MASKED_ID, MASKED_PHONE, expectNoPlainPii, registryKit } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);
const Page = paged(ResidentSearchItem);
const HouseholdPage = paged(HouseholdListItem);

const year = new Date().getFullYear();
const born = (age: number) => `${year - age - 1}-01-01`;
const LEGACY = '321003550101001';

let A: Tree;
let staff: Agent;
let secrets: (string | null)[] = [];
let ids: Record<string, string> = {};
let idOf: Record<string, string> = {};

beforeAll(async () => {
  const db = ctx.t.db;
  A = await buildCommunityTree(db);
  const east = await buildArea(db, 'compound', A.community, { name: '绿扬新苑东区' });
  const b12 = await buildArea(db, 'building', east, { name: '12幢', gridId: A.grid.id });
  const west = await buildArea(db, 'compound', A.community, { name: '西区' });
  const grid2 = await buildArea(db, 'grid', A.community);
  const b3 = await buildArea(db, 'building', west, { name: '3幢', gridId: grid2.id });
  const h1 = await buildHousehold(db, b12, {
    flatId: (await buildFlat(db, b12, { unitNo: 1, flatNo: '803', floorNo: 8 })).id,
    tags: ['low_income'],
    head: { name: '张三', phone: '13812345678', birthDate: born(75), political: '01', tags: ['elderly_alone'] },
  });
  const h2 = await buildHousehold(db, b12, {
    flatId: (await buildFlat(db, b12, { unitNo: 2, flatNo: '501', floorNo: 5 })).id,
    tenure: 'rented',
    head: { name: '李四', sex: 2, residentType: 'floating', birthDate: born(35) },
  });
  const child = await buildResident(db, h2, { name: '张三丰', relation: '20', birthDate: born(10) });
  const h3 = await buildHousehold(db, b3, { head: { name: '王五', status: 'moved_out' } });
  await db.update(households).set({ status: 'moved_out' }).where(eq(households.id, h3.id));
  const h4 = await buildHousehold(db, b3, { head: { name: '赵六', idNumber: upgradeLegacyId(LEGACY), birthDate: '1955-01-01' } });
  const B = await buildCommunityTree(db, A.street);
  const hb = await buildHousehold(db, B.building, { head: { name: '张三', phone: '13812345678' } });
  const people = {
    张三: h1.members[0]!,
    李四: h2.members[0]!,
    张三丰: child,
    王五: h3.members[0]!,
    赵六: h4.members[0]!,
    B张三: hb.members[0]!,
  };
  ids = Object.fromEntries(Object.entries(people).map(([k, v]) => [k, v.id]));
  idOf = Object.fromEntries(Object.entries(people).map(([k, v]) => [k, v.idNumber ?? '']));
  secrets = Object.values(people).flatMap((p) => [p.idNumber, p.phone]);
  Object.assign(ids, { h1: h1.id, h2: h2.id, h3: h3.id, h4: h4.id, b12: b12.id, grid2: grid2.id, communityB: B.community.id });
  staff = await kit.as('community_staff', A.community.id);
});

async function search(query: string, agent = staff) {
  const res = await agent.get(`/api/residents?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expectNoPlainPii(res.body, secrets);
  const page = Page.parse(res.json());
  for (const item of page.items) {
    if (item.idNumber) expect(item.idNumber).toMatch(MASKED_ID);
    if (item.phone) expect(item.phone).toMatch(MASKED_PHONE);
  }
  return page;
}
const names = async (query: string) => (await search(query)).items.map((i) => i.name);

describe('resident search', () => {
  it('community_staff: finds by name, in their community only', async () => {
    expect(await names(`q=${encodeURIComponent('张三')}`)).toEqual(['张三', '张三丰']);
    expect(await names(`q=${encodeURIComponent('三丰')}`)).toEqual(['张三丰']);
    expect(await names(`q=${encodeURIComponent('张三丰')}`)).toEqual(['张三丰']);
  });

  it('community_staff: finds by pinyin initials (zs → 张三)', async () => {
    expect(await names('q=zs')).toEqual(['张三', '张三丰']);
    expect(await names('q=ZSF')).toEqual(['张三丰']);
  });

  it('community_staff: finds by phone tail and ID tail', async () => {
    expect(await names('q=5678')).toEqual(['张三']);
    expect(await names(`q=${idOf['李四']!.slice(-4)}`)).toContain('李四');
  });

  it('community_staff: finds by a full ID number, 18 or legacy 15 characters (exact, by keyed hash)', async () => {
    expect(await names(`q=${idOf['张三']}`)).toEqual(['张三']);
    expect(await names(`q=${LEGACY}`)).toEqual(['赵六']);
    expect(await names(`q=${idOf['B张三']}`)).toEqual([]);
  });

  it('community_staff: finds by address, as building-unit-flat or text', async () => {
    expect(await names('address=12-1-803')).toEqual(['张三']);
    expect(await names(`address=${encodeURIComponent('12幢2单元')}`)).toEqual(['李四', '张三丰']);
    expect(await names('address=12')).toEqual(['张三', '李四', '张三丰']);
    expect(await names(`address=${encodeURIComponent('西区')}`)).toEqual(['赵六']);
    expect(await names(`address=${encodeURIComponent('东区 12-2-501')}`)).toEqual(['李四', '张三丰']);
  });

  it('community_staff: filters by tags (all given, on the person or the household)', async () => {
    expect(await names('tags=elderly_alone')).toEqual(['张三']);
    expect(await names('tags=low_income,elderly_alone')).toEqual(['张三']);
    expect(await names('tags=disabled')).toEqual([]);
  });

  it('community_staff: filters by type, status, area, age and political status', async () => {
    expect(await names('residentType=floating')).toEqual(['李四']);
    expect(await names('status=moved_out')).toEqual(['王五']);
    expect(await names(`areaId=${ids.b12}`)).toEqual(['张三', '李四', '张三丰']);
    expect(await names(`areaId=${ids.grid2}`)).toEqual(['赵六']);
    expect(await names('ageMin=60')).toEqual(['张三', '赵六']);
    expect(await names('ageMax=12')).toEqual(['张三丰']);
    expect(await names('ageMin=30&ageMax=40')).toEqual(['李四']);
    expect(await names('political=01')).toEqual(['张三']);
  });

  it('community_staff: pages in a stable order with the total', async () => {
    const all = await search('pageSize=200');
    expect(all.total).toBe(4);
    const pages = [await search('pageSize=3&page=1'), await search('pageSize=3&page=2')];
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(all.items.map((i) => i.id));
    expect(pages.map((p) => p.total)).toEqual([4, 4]);
    const zhang = all.items.find((i) => i.name === '张三')!;
    expect(zhang.address).toMatchObject({
      compoundName: '绿扬新苑东区',
      buildingName: '12幢',
      unitNo: 1,
      flatNo: '803',
      text: '绿扬新苑东区 12幢 1单元 803',
    });
  });

  it('community_staff: cannot filter by an area of another community (404)', async () => {
    expect((await staff.get(`/api/residents?areaId=${ids.communityB}`)).statusCode).toBe(404);
  });

  it('grid_worker: finds only residents of their grid', async () => {
    const worker = await kit.as('grid_worker', ids.grid2!);
    const page = await search('pageSize=50', worker);
    expect(page.items.map((i) => i.name)).toEqual(['赵六']);
    expect((await search(`q=${idOf['张三']}`, worker)).items).toEqual([]);
  });
});

describe('household list', () => {
  const list = async (query: string) => {
    const res = await staff.get(`/api/households?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return HouseholdPage.parse(res.json());
  };

  it('community_staff: lists households in address order with head and member count', async () => {
    const page = await list('pageSize=50');
    expect(page.total).toBe(3);
    expect(page.items.map((h) => [h.headName, h.memberCount])).toEqual([
      ['张三', 1],
      ['李四', 2],
      ['赵六', 1],
    ]);
  });

  it('community_staff: filters households by tags (own or members), tenure, status, area and address', async () => {
    expect((await list('tags=low_income,elderly_alone')).items.map((h) => h.id)).toEqual([ids.h1]);
    expect((await list('tenure=rented')).items.map((h) => h.id)).toEqual([ids.h2]);
    expect((await list('status=active&address=12-2-501')).items.map((h) => h.id)).toEqual([ids.h2]);
    expect((await list('status=moved_out')).items.map((h) => h.id)).toEqual([ids.h3]);
    expect((await list(`areaId=${ids.grid2}`)).items.map((h) => h.id)).toEqual([ids.h4]);
    expect((await list('pageSize=1&page=2')).items.map((h) => h.id)).toEqual([ids.h2]);
  });
});
