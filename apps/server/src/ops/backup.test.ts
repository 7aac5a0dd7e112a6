import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivePiiKey, loadPiiKeys } from '../core/pii.js';
import type { Db } from '../db/pool.js';
import { loginFailures } from '../db/schema/index.js';
import { buildArea, buildCommunityTree, buildHousehold, buildUser, createTestDatabase, useTestDb } from '../testing/index.js';
import { backupCli } from '../cli/backup.js';
import { restoreCli } from '../cli/restore.js';
import { Manifest } from './manifest.js';
import { findTool } from './pg-tools.js';
import { restoreFrom } from './restore.js';
import { fixTextSettings, publicTables, sequenceValues, serverVersion, tableSums } from './snapshot.js';
import { packDir, scratchDir, unpackTo } from './archive.js';

const source = useTestDb();
const keys = loadPiiKeys({ secretKey: 'linli test secret', dataDir: '/nonexistent' });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-backup-test-'));
const sourceData = path.join(work, 'source-data');
const archive = path.join(work, 'nightly.tar.gz');
let target: Awaited<ReturnType<typeof createTestDatabase>>;
const lines: string[] = [];
const log = (l: string) => lines.push(l);

/** Counts and checksums of every table, counted independently of the backup code's snapshot. */
const sums = (db: Db) =>
  db.transaction(async (tx) => {
    await fixTextSettings(tx);
    return tableSums(tx, await publicTables(tx));
  });
const restoreInto = (over: Partial<Parameters<typeof restoreFrom>[0]> = {}) =>
  restoreFrom({
    db: target.db,
    url: target.url,
    dataDir: path.join(work, 'target-data'),
    keys,
    file: archive,
    log,
    ownConnections: target.pool.totalCount,
    ...over,
  });

beforeAll(async () => {
  const tree = await buildCommunityTree(source.db);
  const building = await buildArea(source.db, 'building', tree.compound, { gridId: tree.grid.id });
  for (let i = 0; i < 4; i++) await buildHousehold(source.db, building, { members: 2 });
  await buildUser(source.db, 'community_staff', { areaId: tree.community.id });
  await source.db.insert(loginFailures).values([
    { keyKind: 'user', key: 'x' },
    { keyKind: 'ip', key: '10.0.0.1' },
  ]);
  fs.mkdirSync(path.join(sourceData, 'attachments', '2026', '12'), { recursive: true });
  fs.writeFileSync(path.join(sourceData, 'attachments', '2026', '12', 'photo-1.jpg'), Buffer.from([0xff, 0xd8, 1, 2, 3, 0]));
  fs.writeFileSync(path.join(sourceData, 'attachments', 'note.txt'), '楼道照片');
  target = await createTestDatabase();
});
afterAll(async () => {
  await target?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  let manifest: Manifest;

  it('backup: one archive (0600) with the manifest, the dump and the attachments; says which dump it used and why', async () => {
    const code = await backupCli([archive], { db: source.db, url: source.url, dataDir: sourceData, keys, log });
    expect(code, lines.join('\n')).toBe(0);
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    const scratch = await scratchDir();
    await unpackTo(archive, scratch.dir);
    manifest = Manifest.parse(JSON.parse(fs.readFileSync(path.join(scratch.dir, 'manifest.json'), 'utf8')));
    const { major } = await serverVersion(source.db);
    const tool = await findTool('pg_dump', major);
    expect(manifest.engine).toEqual(tool ? { kind: 'pg_dump', major } : { kind: 'builtin' });
    expect(fs.existsSync(path.join(scratch.dir, tool ? 'db.dump' : 'data/residents.jsonl'))).toBe(true);
    expect(
      lines.some((l) => l.startsWith(tool ? `Dumping with ${tool.path}` : `Dumping with the built-in dump (no pg_dump ${major}`)),
    ).toBe(true);
    expect(manifest.tables.residents!.rows).toBe(8);
    expect(manifest.attachments.map((a) => a.path)).toEqual(['2026/12/photo-1.jpg', 'note.txt']);
    expect(manifest.keys.sealedWith).toEqual([derivePiiKey('linli test secret').id.toString('hex')]);
    expect(lines.some((l) => l.startsWith('Remember the secret key:'))).toBe(true);
    await scratch.done();
  });

  it('restore refuses a database sealed with a key it does not hold, changing nothing', async () => {
    const other = loadPiiKeys({ secretKey: 'another installation', dataDir: '/nonexistent' });
    await expect(restoreInto({ keys: other })).rejects.toThrow(
      /sealed with key id\(s\) [0-9a-f]{8}, which this installation does not hold/,
    );
    expect((await sums(target.db)).residents!.rows).toBe(0);
  });

  it('a tampered manifest is caught by the check and the built-in restore leaves the database as it was', async () => {
    const scratch = await scratchDir();
    await unpackTo(archive, scratch.dir);
    const bad = { ...manifest, tables: { ...manifest.tables, residents: { ...manifest.tables.residents!, rows: 9 } } };
    fs.writeFileSync(path.join(scratch.dir, 'manifest.json'), JSON.stringify(bad));
    const tampered = path.join(work, 'tampered.tar.gz');
    await packDir(scratch.dir, tampered);
    await scratch.done();
    await expect(restoreInto({ file: tampered })).rejects.toThrow(/table residents: expected \{"rows":9/);
    if (manifest.engine.kind === 'builtin') expect(Object.values(await sums(target.db)).every((s) => s.rows === 0)).toBe(true);
  });

  it('round trip: restore into an empty database gives identical row counts and checksums of every table, and the attachments', async () => {
    const code = await restoreCli([archive, ...(manifest.engine.kind === 'pg_dump' ? ['--force'] : [])], {
      db: target.db,
      url: target.url,
      dataDir: path.join(work, 'target-data'),
      keys,
      log,
      connections: () => target.pool.totalCount,
    });
    expect(code, lines.join('\n')).toBe(0);
    const [want, got] = [await sums(source.db), await sums(target.db)];
    expect(got).toEqual(want);
    expect(want.residents).toEqual(manifest.tables.residents);
    expect(fs.readFileSync(path.join(work, 'target-data', 'attachments', 'note.txt'), 'utf8')).toBe('楼道照片');
    expect(fs.readFileSync(path.join(work, 'target-data', 'attachments', '2026', '12', 'photo-1.jpg'))).toEqual(
      Buffer.from([0xff, 0xd8, 1, 2, 3, 0]),
    );
    // the sequences go on where they stopped: a new row does not collide
    expect(await sequenceValues(target.db)).toEqual(await sequenceValues(source.db));
    await target.db.insert(loginFailures).values({ keyKind: 'user', key: 'after restore' });
    const [after] = (await target.db.execute(sql`SELECT max(id)::int AS id FROM login_failures`)).rows as { id: number }[];
    expect(after!.id).toBe(3);
  });

  it('restore refuses a database that is not empty (or attachments already there) unless --force', async () => {
    const io = {
      db: target.db,
      url: target.url,
      dataDir: path.join(work, 'target-data'),
      keys,
      log,
      connections: () => target.pool.totalCount,
    };
    lines.length = 0;
    expect(await restoreCli([archive], io)).toBe(1);
    expect(lines.join('\n')).toMatch(/Nothing was changed:\n {2}The database is not empty \([a-z_]+ [1-9]\d*/);
    expect(lines.join('\n')).toMatch(/target-data\/attachments is not empty/);
    expect(await restoreCli([archive, '--force'], io)).toBe(0);
    expect(await sums(target.db)).toEqual(await sums(source.db));
  });

  it('bad arguments answer the usage (2); a file that is no backup is refused (1), changing nothing', async () => {
    const io = { db: target.db, url: target.url, dataDir: path.join(work, 'target-data'), keys, log };
    lines.length = 0;
    expect(await backupCli([], io)).toBe(2);
    expect(await backupCli([archive, '--engine', 'tape'], io)).toBe(2);
    expect(await restoreCli([archive, '--yes'], io)).toBe(2);
    expect(lines.filter((l) => l.includes('Usage: npm run linli --'))).toHaveLength(3);
    fs.writeFileSync(path.join(work, 'junk.tar.gz'), 'not an archive');
    lines.length = 0;
    expect(await restoreCli([path.join(work, 'junk.tar.gz'), '--force'], io)).toBe(1);
    expect(lines).toEqual([`${path.join(work, 'junk.tar.gz')} is not a Linli backup (no such file, or not a tar.gz archive)`]);
  });

  it('backup --engine pg_dump names where it looked when this machine has no pg_dump of the server’s version', async () => {
    const { major } = await serverVersion(source.db);
    const tool = await findTool('pg_dump', major, { PATH: '' });
    lines.length = 0;
    const code = await backupCli([path.join(work, 'b.tar.gz'), '--engine', 'pg_dump'], {
      db: source.db,
      url: source.url,
      dataDir: sourceData,
      keys,
      log,
      env: { PATH: '', LINLI_PG_BIN: path.join(work, 'no-such-dir') },
    });
    if (tool) expect(code).toBe(0);
    else {
      expect(code).toBe(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^No pg_dump ${major} found for this PostgreSQL ${major}\\.\\d+ \\(looked in LINLI_PG_BIN, /usr/lib/postgresql/${major}/bin`,
        ),
      );
    }
  });
});
