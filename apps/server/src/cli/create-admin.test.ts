import { MeDto } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { areaNodes, auditLog, users } from '../db/schema/index.js';
import { signIn, useTestApp } from '../testing/index.js';
import { createAdmin, createAdminCommand } from './create-admin.js';

const ctx = useTestApp();

async function run(args: string[], extra: { env?: Record<string, string>; prompt?: (q: string) => Promise<string> } = {}) {
  const lines: string[] = [];
  const code = await createAdminCommand(args, { db: ctx.t.db, log: (s) => lines.push(s), env: extra.env ?? {}, prompt: extra.prompt });
  return { code, out: lines.join('\n') };
}

const meOf = async (username: string, password: string) =>
  MeDto.parse((await (await signIn(ctx.app, username, password)).get('/api/me')).json());

// The cases build on each other: the first runs on the empty database of this file.
describe('create-admin', () => {
  it('creates the first admin on an empty database, with district 321003 and a generated password that signs in', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    expect(out).toContain('Created district 321003 邗江区');
    const password = /shown only this once\): (\S+)/.exec(out)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(12);
    const me = await meOf('admin', password!);
    expect(me.roles).toEqual(['system_admin']);
    expect(me.scopes[0]).toMatchObject({ areaKind: 'district', areaCode: '321003', areaName: '邗江区' });
    const [audit] = await ctx.t.db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(audit).toMatchObject({ actorName: 'cli', entityId: me.user.id });
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it('takes the password from LINLI_ADMIN_PASSWORD and reuses the existing district', async () => {
    const { code, out } = await run(['--username', 'ops', '--name', '运维'], { env: { LINLI_ADMIN_PASSWORD: 'env-password-123' } });
    expect(code).toBe(0);
    expect(out).not.toContain('env-password-123');
    expect(out).not.toContain('Created district');
    expect(await ctx.t.db.select().from(areaNodes)).toHaveLength(1);
    expect((await meOf('ops', 'env-password-123')).user.displayName).toBe('运维');
  });

  it('asks for the password when a prompt is available and none was given', async () => {
    const { code } = await run(['--username', 'asked'], { prompt: async () => 'prompted-password-1' });
    expect(code).toBe(0);
    expect((await meOf('asked', 'prompted-password-1')).roles).toEqual(['system_admin']);
  });

  it('refuses a password under 12 characters with a clear message and creates nothing', async () => {
    const { code, out } = await run(['--username', 'shorty', '--password', 'short-pw']);
    expect(code).toBe(1);
    expect(out).toMatch(/at least 12 characters/);
    expect(await ctx.t.db.select().from(users).where(eq(users.username, 'shorty'))).toEqual([]);
  });

  it('refuses to create a username that exists, pointing at --reset', async () => {
    const { code, out } = await run(['--password', 'another-password-1']);
    expect(code).toBe(1);
    expect(out).toContain('--reset');
  });

  it('with --reset sets a new password and signs the admin out everywhere', async () => {
    const session = await signIn(ctx.app, 'ops', 'env-password-123');
    const { code } = await run(['--username', 'ops', '--reset', '--password', 'reset-password-456']);
    expect(code).toBe(0);
    expect((await session.get('/api/me')).statusCode).toBe(401);
    await expect(signIn(ctx.app, 'ops', 'env-password-123')).rejects.toThrow(/401/);
    expect((await meOf('ops', 'reset-password-456')).roles).toEqual(['system_admin']);
  });

  it('with --reset fails for a user that does not exist', async () => {
    expect((await run(['--username', 'nobody', '--reset', '--password', 'reset-password-456'])).code).toBe(1);
  });

  it('creates a named district when --district-code is new', async () => {
    const { code, out } = await run(['--username', 'city', '--district-code', '321002', '--district-name', '广陵区'], {
      env: { LINLI_ADMIN_PASSWORD: 'city-password-123' },
    });
    expect(code).toBe(0);
    expect(out).toContain('Created district 321002 广陵区');
    expect((await meOf('city', 'city-password-123')).scopes[0]?.areaCode).toBe('321002');
  });

  it('rejects unknown flags and a malformed district code with exit code 2', async () => {
    expect((await run(['--frobnicate'])).code).toBe(2);
    expect((await run(['--username', 'x2', '--district-code', '12'])).code).toBe(2);
  });

  it('runs as the create-admin command of the CLI, with help', async () => {
    const lines: string[] = [];
    expect(createAdmin.name).toBe('create-admin');
    expect(await createAdmin.run(['--help'], { db: ctx.t.db, log: (s) => lines.push(s), dataDir: '' })).toBe(0);
    expect(lines.join('\n')).toContain('--reset');
  });
});
