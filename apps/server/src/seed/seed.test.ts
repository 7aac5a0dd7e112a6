import { CareTag, OPEN_STATUSES, isValidAreaCode, parseIdNumber } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_OPEN311_KEY } from '../config.js';
import { createPii, loadPiiKeys } from '../core/pii.js';
import { hashApiKey } from '../modules/open311/key-hash.js';
import { TEST_PASSWORD, useTestDb } from '../testing/index.js';
import { generateDemo } from './generate.js';
import { DEMO_SEED, isDatabaseEmpty, seedDemo, type SeedDemoResult } from './index.js';
import { buildDemoSupermarket } from './orders-seed.js';

const NOW = new Date(Date.UTC(2025, 5, 1));
const t = useTestDb();
const pii = createPii(loadPiiKeys({ secretKey: 'seed test secret', dataDir: '/nonexistent' }));
const logs: string[] = [];
let result: SeedDemoResult;
/** resident id → decrypted ID number, filled by the ID test */
const stored = new Map<string, string>();

const q = async <T>(text: string, params: unknown[] = []) => (await t.pool.query(text, params)).rows as T[];
const one = async <T>(text: string, params: unknown[] = []) => (await q<T>(text, params))[0]!;
const communityId = async (name: string) => (await one<{ id: string }>(`SELECT id FROM area_nodes WHERE name = $1`, [name])).id;
const countIn = async (table: string, community: string, where = 'true') =>
  (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE community_id = $1 AND ${where}`, [community])).n;

beforeAll(async () => {
  result = await seedDemo({ db: t.db, pii, password: TEST_PASSWORD, log: (m) => logs.push(m), now: NOW });
}, 120_000);

describe('demo seed', () => {
  it('creates Hanjiang → Zhuxi → Anping and Green Yangyuan with the codes of AREA_CODE_PATTERNS', async () => {
    const rows = await q<{ kind: 'district'; code: string; name: string; parent_code: string | null }>(
      `SELECT a.kind, a.code, a.name, p.code AS parent_code FROM area_nodes a LEFT JOIN area_nodes p ON p.id = a.parent_id`,
    );
    for (const r of rows) expect(isValidAreaCode(r.kind, r.code, r.parent_code ?? undefined), r.code).toBe(true);
    const named = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => `${r.code} ${r.name}`);
    expect(named('district')).toEqual(['321003 邗江区']);
    expect(named('street')).toEqual(['321003001 竹西街道']);
    expect(named('community').sort()).toEqual(['321003001001 安平社区', '321003001002 绿扬新苑社区']);
    expect(result.counts.communities).toBe(2);
  });

  it('gives Green Yangyuan 2 compounds, 134 buildings, 4,920 flats and 12,000–12,500 residents, > 25 % floating', async () => {
    const c = await communityId('绿扬新苑社区');
    expect(await countIn('area_nodes', c, `kind = 'compound'`)).toBe(2);
    expect(await countIn('area_nodes', c, `kind = 'building'`)).toBe(134);
    expect(await countIn('flats', c)).toBe(4920);
    const residents = await countIn('residents', c);
    expect(residents).toBeGreaterThanOrEqual(12_000);
    expect(residents).toBeLessThanOrEqual(12_500);
    expect((await countIn('residents', c, `resident_type = 'floating'`)) / residents).toBeGreaterThan(0.25);
    const households = await countIn('households', c);
    expect(households).toBeLessThan(4920);
    expect(await countIn('households', c, `tenure = 'rented'`)).toBeGreaterThan(households * 0.2);
  });

  it('gives Anping exactly 12,669 residents, a committee with 5 branches and 195 party members', async () => {
    const c = await communityId('安平社区');
    expect(await countIn('residents', c)).toBe(12_669);
    expect(await countIn('party_orgs', c, `kind = 'committee'`)).toBe(1);
    expect(await countIn('party_orgs', c, `kind = 'branch'`)).toBe(5);
    expect(await countIn('residents', c, `political IN ('01', '02')`)).toBe(195);
    const perBranch = await q<{ n: number }>(
      `SELECT count(r.id)::int AS n FROM party_orgs o LEFT JOIN residents r ON r.party_org_id = o.id WHERE o.community_id = $1 AND o.kind = 'branch' GROUP BY o.id`,
      [c],
    );
    expect(perBranch).toHaveLength(5);
    expect(perBranch.every((b) => b.n > 0)).toBe(true);
    expect(perBranch.reduce((s, b) => s + b.n, 0)).toBe(195);
    const households = await countIn('households', c);
    expect(await countIn('households', c, `cardinality(tags) > 0`)).toBeGreaterThan(households * 0.15);
  });

  it('lets every grid manage 150–500 households and every building name its grid and site position', async () => {
    const grids = await q<{ n: number }>(
      `SELECT count(h.id)::int AS n FROM area_nodes g LEFT JOIN households h ON h.grid_id = g.id WHERE g.kind = 'grid' GROUP BY g.id`,
    );
    expect(grids.length).toBe(31);
    for (const g of grids) expect(g.n).toSatisfy((n: number) => n >= 150 && n <= 500);
    const loose = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM area_nodes b LEFT JOIN area_nodes g ON g.id = b.grid_id AND g.kind = 'grid'
       WHERE b.kind = 'building' AND (g.id IS NULL OR g.community_id <> b.community_id OR b.map_x IS NULL OR b.map_y IS NULL)`,
    );
    expect(loose.n).toBe(0);
    const flats = await q<{ flat_no: string; floor_no: number; position: number }>(`SELECT flat_no, floor_no, position FROM flats`);
    for (const f of flats) expect(f.flat_no).toBe(`${f.floor_no}${String(f.position).padStart(2, '0')}`);
  });

  it('stores ID numbers that pass GB 11643, match birth date and sex, are unique, and are encrypted only', async () => {
    const rows = await q<{
      id: string;
      id_number_enc: Buffer;
      id_number_hash: string;
      id_tail: string;
      phone_enc: Buffer | null;
      phone_tail: string | null;
      birth_date: string;
      sex: number;
      resident_type: string;
    }>(`SELECT id, id_number_enc, id_number_hash, id_tail, phone_enc, phone_tail, birth_date, sex, resident_type FROM residents`);
    expect(rows).toHaveLength(result.counts.residents);
    const wrong: string[] = [];
    for (const r of rows) {
      const id = pii.decrypt(r.id_number_enc);
      const parsed = parseIdNumber(id);
      const ok =
        'birthDate' in parsed &&
        parsed.id === id &&
        parsed.birthDate === r.birth_date &&
        parsed.sex === r.sex &&
        id.startsWith('321003') === (r.resident_type !== 'floating') &&
        r.id_tail === id.slice(-4) &&
        r.id_number_hash === pii.lookupHash(id) &&
        !r.id_number_enc.includes(id) &&
        (!r.phone_enc || new RegExp(`^1[3-9]\\d{5}${r.phone_tail}$`).test(pii.decrypt(r.phone_enc)));
      if (!ok) wrong.push(`${id} ${r.birth_date} ${r.sex} ${r.resident_type}`);
      stored.set(r.id, id);
    }
    expect(wrong).toEqual([]);
    expect(new Set(stored.values()).size).toBe(rows.length);
  });

  it('keeps no plaintext ID number or phone in any text column of residents', async () => {
    const columns = await q<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_name = 'residents' AND data_type IN ('text', 'ARRAY') AND column_name <> 'id_number_hash'`,
    );
    expect(columns.length).toBeGreaterThan(5);
    const long = (expr: string) => `${expr} ~ '\\d{11}'`;
    expect((await one<{ m: boolean }>(`SELECT ${long(`'x13812345678'`)} AS m`)).m).toBe(true);
    const hits = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM residents WHERE ${columns.map((c) => long(`"${c.column_name}"::text`)).join(' OR ')}`,
    );
    expect(hits.n).toBe(0);
    const hashes = await one<{ n: number }>(`SELECT count(*)::int AS n FROM residents WHERE id_number_hash !~ '^[A-Za-z0-9_-]{43}$'`);
    expect(hashes.n).toBe(0);
  });

  it('makes households of 1–5 with one head and GB/T codes, and care tags that fit the people', async () => {
    const bad = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT household_id, count(*) AS size, count(*) FILTER (WHERE relation = '02') AS heads
       FROM residents GROUP BY household_id) s WHERE size NOT BETWEEN 1 AND 5 OR heads <> 1`,
    );
    expect(bad.n).toBe(0);
    const relations = await q<{ relation: string }>(`SELECT DISTINCT relation FROM residents`);
    for (const r of relations) expect(r.relation).toMatch(/^(02|10|2\d|3\d|4\d|5\d|99)$/);
    const tags = await q<{ tag: string }>(
      `SELECT DISTINCT unnest(tags) AS tag FROM residents UNION SELECT DISTINCT unnest(tags) FROM households`,
    );
    for (const { tag } of tags) expect(CareTag.options).toContain(tag);
    expect(tags.length).toBe(CareTag.options.length);
    const alone = await one<{ n: number; wrong: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE age(date '2025-06-01', r.birth_date) < interval '60 years'
         OR (SELECT count(*) FROM residents o WHERE o.household_id = r.household_id) <> 1)::int AS wrong
       FROM residents r WHERE 'elderly_alone' = ANY (r.tags)`,
    );
    expect(alone.n).toBeGreaterThan(100);
    expect(alone.wrong).toBe(0);
  });

  it('creates the demo users with their roles, and the resident user points at a Green Yangyuan resident', async () => {
    const rows = await q<{ username: string; role: string; kind: string | null; org: string | null; resident_id: string | null }>(
      `SELECT u.username, ra.role, a.kind, o.name AS org, u.resident_id FROM users u JOIN role_assignments ra ON ra.user_id = u.id
       LEFT JOIN area_nodes a ON a.id = ra.area_id LEFT JOIN handler_orgs o ON o.id = ra.org_id ORDER BY u.username`,
    );
    const roles = Object.fromEntries(rows.map((r) => [r.username, `${r.role}@${r.kind ?? r.org}`]));
    expect(roles).toEqual({
      admin: 'system_admin@district',
      street: 'street_supervisor@street',
      'anping-staff': 'community_staff@community',
      'lvyang-staff': 'community_admin@community',
      'lvyang-grid': 'grid_worker@grid',
      'lvyang-leader': 'building_leader@building',
      property: 'handler_staff@绿扬物业',
      resident: 'resident@building',
      volunteer: 'volunteer@红管家志愿服务队',
      evaluator: 'evaluator@street',
      'anping-party': 'party_organiser@community',
      'lvyang-party': 'party_organiser@community',
    });
    expect(result.users.map((u) => u.username).sort()).toEqual(Object.keys(roles).sort());
    const home = await one<{ ok: boolean }>(
      `SELECT r.building_id = ra.area_id AND c.name = '绿扬新苑社区' AS ok FROM users u JOIN role_assignments ra ON ra.user_id = u.id
       JOIN residents r ON r.id = u.resident_id JOIN area_nodes c ON c.id = r.community_id WHERE u.username = 'resident'`,
    );
    expect(home.ok).toBe(true);
    const leader = await one<{ ok: boolean }>(
      `SELECT b.grid_id = (SELECT ra2.area_id FROM users u2 JOIN role_assignments ra2 ON ra2.user_id = u2.id WHERE u2.username = 'lvyang-grid') AS ok
       FROM users u JOIN role_assignments ra ON ra.user_id = u.id JOIN area_nodes b ON b.id = ra.area_id WHERE u.username = 'lvyang-leader'`,
    );
    expect(leader.ok).toBe(true);
  });

  it('reports progress while seeding', () => {
    const total = result.counts.residents.toLocaleString('en-US');
    expect(logs).toContain(`seeding residents 2,000/${total}`);
    expect(logs).toContain(`seeding residents ${total}/${total}`);
  });

  it('refuses to seed a database that is not empty', async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(false);
    await expect(seedDemo({ db: t.db, pii, password: TEST_PASSWORD, log: () => undefined })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await countIn('residents', await communityId('安平社区'))).toBe(12_669);
  });

  it('generates the same data from the same seed, and other data from another', () => {
    expect(stored.size).toBe(result.counts.residents);
    const again = generateDemo({ seed: DEMO_SEED, now: NOW }).households.flatMap((h) => h.members);
    expect(again.filter((p) => stored.get(p.id) !== p.idNumber)).toEqual([]);
    const other = generateDemo({ seed: DEMO_SEED + 1, now: NOW }).households.flatMap((h) => h.members);
    expect(other.slice(0, 100).filter((p) => stored.get(p.id) === p.idNumber)).toEqual([]);
  });
});

describe('demo supermarket', () => {
  const sum = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);

  it('gives the street a catalogue of the six categories with 3–6 services each', async () => {
    const cats = await q<{ category: string; n: number }>(`SELECT category, count(*)::int AS n FROM services GROUP BY category`);
    expect(cats).toHaveLength(6);
    for (const c of cats) expect(c.n, c.category).toSatisfy((n: number) => n >= 3 && n <= 6);
    const lift = await one<{ emergency: boolean; handle: number }>(
      `SELECT emergency, (time_limits->>'handleHours')::int AS handle FROM services WHERE name = '电梯故障'`,
    );
    expect(lift).toEqual({ emergency: true, handle: 2 });
  });

  it('places 35–45 orders a day over a year, almost all older ones closed, recent ones open', async () => {
    const byStatus = await q<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM orders GROUP BY status`);
    const total = sum(byStatus);
    expect(total).toBe(result.counts.orders);
    expect(total / 365).toSatisfy((n: number) => n >= 35 && n <= 45);
    const n = (status: string) => byStatus.find((r) => r.status === status)?.n ?? 0;
    expect(n('closed') / total).toBeGreaterThan(0.9);
    expect(n('merged')).toBeGreaterThan(0);
    expect(n('withdrawn')).toBeGreaterThan(0);
    expect(OPEN_STATUSES.filter((st) => n(st) > 0).length).toBeGreaterThanOrEqual(4);
    const oldOpen = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders WHERE closed_at IS NULL AND placed_at < $1::timestamptz - interval '60 days'`,
      [NOW.toISOString()],
    );
    expect(oldOpen.n).toBeLessThan(total * 0.001);
    const rates = await one<{ accepted: number; satisfied: number; rework: number; extended: number; late: number }>(
      `SELECT avg(accepted_on_time::int)::float AS accepted, avg((rating <> 'unsatisfied')::int)::float AS satisfied,
              avg((rework_count > 0)::int)::float AS rework, avg((extension_count > 0)::int)::float AS extended,
              count(*) FILTER (WHERE overdue_since IS NOT NULL AND escalation_level > 0)::int AS late FROM orders`,
    );
    expect(rates.accepted).toSatisfy((r: number) => r > 0.85 && r < 0.95);
    expect(rates.satisfied).toSatisfy((r: number) => r > 0.88 && r < 0.96);
    expect(rates.rework).toSatisfy((r: number) => r > 0.01 && r < 0.05);
    expect(rates.extended).toSatisfy((r: number) => r > 0.02 && r < 0.06);
    expect(rates.late).toBeGreaterThan(0);
  });

  it("keeps every order's scope ids those of its building and household", async () => {
    const bad = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders o JOIN area_nodes b ON b.id = o.building_id LEFT JOIN households h ON h.id = o.household_id
       WHERE b.kind <> 'building' OR b.community_id <> o.community_id OR b.street_id <> o.street_id OR b.district_id <> o.district_id
          OR b.compound_id <> o.compound_id OR b.grid_id <> o.grid_id
          OR (o.household_id IS NOT NULL AND (h.building_id <> o.building_id OR h.flat_id <> o.flat_id))
          OR (o.resident_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM residents r WHERE r.id = o.resident_id AND r.household_id = o.household_id))`,
    );
    expect(bad.n).toBe(0);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE building_id IS NULL`)).n).toBe(0);
  });

  it('gives every order an ordered timeline that starts with place and ends in its status, already notified', async () => {
    const bad = await one<{ disordered: number; first: number; last: number; pending: number }>(
      `WITH e AS (SELECT order_id, kind, at, to_status, notified_at, lag(at) OVER (PARTITION BY order_id ORDER BY id) AS prev,
                         row_number() OVER (PARTITION BY order_id ORDER BY id) AS i,
                         row_number() OVER (PARTITION BY order_id, (to_status IS NOT NULL) ORDER BY id DESC) AS back
                  FROM order_events)
       SELECT count(*) FILTER (WHERE prev > at)::int AS disordered,
              count(*) FILTER (WHERE i = 1 AND kind <> 'place')::int AS first,
              (SELECT count(*)::int FROM orders o JOIN e ON e.order_id = o.id AND e.to_status IS NOT NULL AND e.back = 1 WHERE e.to_status <> o.status) AS last,
              count(*) FILTER (WHERE notified_at IS NULL)::int AS pending
       FROM e`,
    );
    expect(bad).toEqual({ disordered: 0, first: 0, last: 0, pending: 0 });
    expect((await one<{ n: number }>(`SELECT count(DISTINCT order_id)::int AS n FROM order_events`)).n).toBe(result.counts.orders);
  });

  it("gives the demo resident orders to rate and follow, and the property company's workbench open orders", async () => {
    const mine = await q<{ status: string }>(
      `SELECT o.status FROM orders o JOIN users u ON u.resident_id = o.resident_id WHERE u.username = 'resident'`,
    );
    const statuses = mine.map((r) => r.status);
    expect(statuses).toContain('handled');
    expect(statuses).toContain('in_progress');
    expect(statuses.filter((st) => st === 'closed').length).toBeGreaterThanOrEqual(3);
    const open = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders o JOIN role_assignments ra ON ra.org_id = o.handler_org_id JOIN users u ON u.id = ra.user_id
       WHERE u.username = 'property' AND o.status IN ('dispatched', 'accepted', 'in_progress')`,
    );
    expect(open.n).toBeGreaterThan(0);
  });

  it('replays the same orders from the same seed and time', async () => {
    const demo = generateDemo({ seed: DEMO_SEED, now: NOW });
    const users = (await q<{ id: string; username: string; display_name: string; resident_id: string | null }>(`SELECT * FROM users`)).map(
      (u) => ({ id: u.id, username: u.username, displayName: u.display_name, residentId: u.resident_id }),
    );
    const again = buildDemoSupermarket({ demo, seed: DEMO_SEED, now: NOW, users, pii, open311Key: DEFAULT_DEMO_OPEN311_KEY });
    const stored = await q<{ id: string; status: string }>(`SELECT id, status FROM orders ORDER BY order_no`);
    expect(again.orderRows.map((o) => ({ id: o.id, status: o.status }))).toEqual(stored);
  });

  it('stores the Open311 demo key of Green Yangyuan as a hash, and moves the order number sequence on', async () => {
    const keys = await q<{ key_hash: string; community_id: string }>(`SELECT key_hash, community_id FROM open311_keys`);
    expect(keys).toEqual([{ key_hash: hashApiKey(DEFAULT_DEMO_OPEN311_KEY), community_id: await communityId('绿扬新苑社区') }]);
    const next = await one<{ n: string }>(`SELECT nextval('order_no_seq')::text AS n`);
    expect(Number(next.n)).toBeGreaterThan(result.counts.orders);
  });
});
