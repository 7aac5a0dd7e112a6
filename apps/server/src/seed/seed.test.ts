import { CareTag, isValidAreaCode, parseIdNumber } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPii, loadPiiKeys } from '../core/pii.js';
import { TEST_PASSWORD, useTestDb } from '../testing/index.js';
import { generateDemo } from './generate.js';
import { DEMO_SEED, isDatabaseEmpty, seedDemo, type SeedDemoResult } from './index.js';

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
