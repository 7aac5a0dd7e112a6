import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rekeyCli } from '../cli/rekey.js';
import { createPii, derivePiiKey, loadPiiKeys } from '../core/pii.js';
import { residents } from '../db/schema/index.js';
import {
  type Agent,
  TEST_PASSWORD,
  buildArea,
  buildCommunityTree,
  buildHousehold,
  buildUser,
  signIn,
  useTestApp,
} from '../testing/index.js';
import { keyIdsInUse, sealedTables } from './sealed-columns.js';

// the residents are sealed by the test key (testPii): after the rotation it is the previous one
const OLD = 'linli test secret';
const keys = loadPiiKeys({ secretKey: 'rotated secret', previousKeys: [OLD], dataDir: '/nonexistent' });
const oldId = derivePiiKey(OLD).id.toString('hex');
const newId = keys.current.id.toString('hex');
const ctx = useTestApp({ pii: createPii(keys) });

describe('npm run linli -- rekey', () => {
  let staff: Agent;
  let people: { id: string; idNumber: string | null; phone: string | null }[] = [];
  const search = async (q: string) => {
    const res = await staff.get(`/api/residents?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
  };
  const run = async (args: string[] = []) => {
    const lines: string[] = [];
    const code = await rekeyCli(args, { db: ctx.t.db, log: (l) => lines.push(l), dataDir: '/nonexistent', keys });
    return { code, lines };
  };

  beforeAll(async () => {
    const tree = await buildCommunityTree(ctx.t.db);
    const building = await buildArea(ctx.t.db, 'building', tree.compound, { gridId: tree.grid.id });
    for (let i = 0; i < 5; i++) people.push(...(await buildHousehold(ctx.t.db, building, { members: 1 })).members);
    people = people.filter((p) => p.idNumber);
    const user = await buildUser(ctx.t.db, 'community_staff', { areaId: tree.community.id });
    staff = await signIn(ctx.app, user.username, TEST_PASSWORD);
  });

  it('before: rows written under the old key are not found by exact ID search (their hashes are the old key’s)', async () => {
    expect(await search(people[0]!.idNumber!)).toEqual([]);
  });

  it('re-keys in batches, reporting progress and counts; exact ID search finds every row afterwards', async () => {
    const { code, lines } = await run(['--batch', '2']);
    expect(code, lines.join('\n')).toBe(0);
    expect(lines).toContain('residents: 2/5');
    expect(lines).toContain('residents: 5/5');
    expect(lines).toContain('Re-encrypted 10 values, recomputed 5 lookup hashes.');
    expect(lines).toContain('No value is sealed with an old key any more: LINLI_SECRET_KEY_PREVIOUS can be emptied.');
    for (const p of people) expect(await search(p.idNumber!)).toEqual([p.id]);
  });

  it('no sealed column of any table names the old key id; the new key alone opens every value', async () => {
    const inUse = await keyIdsInUse(ctx.t.db, await sealedTables(ctx.t.db));
    expect(inUse.has(oldId)).toBe(false);
    expect([...inUse.keys()]).toEqual([newId]);
    const newOnly = createPii({ current: keys.current, previous: [] });
    const rows = await ctx.t.db.select({ id: residents.id, enc: residents.idNumberEnc, phone: residents.phoneEnc }).from(residents);
    for (const r of rows) {
      const p = people.find((x) => x.id === r.id)!;
      expect(newOnly.decrypt(r.enc!)).toBe(p.idNumber);
      expect(newOnly.decrypt(r.phone!)).toBe(p.phone);
    }
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await ctx.t.db.execute(sql`SELECT md5(string_agg(id_number_enc::text, ',' ORDER BY id)) AS h FROM residents`);
    const { code, lines } = await run();
    expect(code).toBe(0);
    expect(lines).toContain('Re-encrypted 0 values, recomputed 0 lookup hashes.');
    const after = await ctx.t.db.execute(sql`SELECT md5(string_agg(id_number_enc::text, ',' ORDER BY id)) AS h FROM residents`);
    expect(after.rows).toEqual(before.rows);
  });

  it('bad arguments answer the usage and exit 2', async () => {
    for (const args of [['--batch', '0'], ['--batch'], ['--bogus'], ['extra']]) {
      const { code, lines } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(lines.join('\n')).toMatch(/Usage: npm run linli -- rekey/);
    }
  });

  it('a value under a key it was not given is reported, and its key id named as still in use (exit 1)', async () => {
    const stray = createPii(loadPiiKeys({ secretKey: 'a lost secret', dataDir: '/nonexistent' }));
    const strayId = derivePiiKey('a lost secret').id.toString('hex');
    await ctx.t.db
      .update(residents)
      .set({ phoneEnc: stray.encrypt('13900000000') })
      .where(sql`${residents.id} = ${people[0]!.id}`);
    const { code, lines } = await run();
    expect(code).toBe(1);
    expect(lines).toContain('  residents.phone_enc: 1');
    expect(lines).toContain(`  ${strayId}: residents.phone_enc 1`);
  });
});
