import { randomBytes, randomUUID } from 'node:crypto';
import { PASSWORD_MIN_LENGTH, Username, isValidAreaCode } from '@linli/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { writeAudit } from '../core/audit.js';
import type { Db, Tx } from '../db/pool.js';
import { areaNodes, roleAssignments, users } from '../db/schema/index.js';
import { ancestryFor } from '../modules/areas/tree.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { deleteUserSessions } from '../modules/auth/repo-sessions.js';
import { ADMIN_ROLE } from '../modules/users/policy.js';
import { type CliCommand, type CliIo, parseFlags } from './command.js';

/** `prompt`, when given (an interactive terminal), asks for the password before one is generated. */
export type CreateAdminIo = Pick<CliIo, 'db' | 'log'> & {
  env?: Record<string, string | undefined>;
  prompt?: (question: string) => Promise<string>;
};

const FLAGS = ['username', 'password', 'name', 'district-code', 'district-name', 'reset', 'help'];
const DEFAULT_DISTRICT = { code: '321003', name: '邗江区' };
const CLI_ACTOR = 'cli';

const HELP = `Usage: npm run linli -- create-admin [--username admin] [--password …] [--name …]
                                    [--district-code 321003] [--district-name 邗江区] [--reset]
Creates a system admin on a district (created when none exists yet), or with --reset sets a new
password for an existing one and signs it out everywhere. The password comes from --password,
else LINLI_ADMIN_PASSWORD, else a generated one is printed once. At least ${PASSWORD_MIN_LENGTH} characters.`;

type Options = { username: string; password?: string; name?: string; districtCode?: string; districtName?: string; reset: boolean };

function readOptions(args: string[]): Options | string {
  const { flags, rest } = parseFlags(args);
  const unknown = [...Object.keys(flags).filter((f) => !FLAGS.includes(f)), ...rest];
  if (unknown.length > 0) return `Unknown argument: ${unknown.join(' ')}`;
  const text = (key: string) => (typeof flags[key] === 'string' ? (flags[key] as string) : undefined);
  for (const key of ['username', 'password', 'name', 'district-code', 'district-name'])
    if (flags[key] === true) return `--${key} needs a value`;
  const username = Username.safeParse(text('username') ?? 'admin');
  if (!username.success) return 'The username must be 3–64 characters: a–z, 0–9, dot, dash or underscore.';
  return {
    username: username.data,
    password: text('password'),
    name: text('name'),
    districtCode: text('district-code'),
    districtName: text('district-name'),
    reset: flags.reset === true,
  };
}

async function choosePassword(opts: Options, io: CreateAdminIo): Promise<{ password: string; generated: boolean }> {
  const given = opts.password ?? (io.env ?? process.env).LINLI_ADMIN_PASSWORD ?? (await io.prompt?.('Password (empty: generate one): '));
  if (given) return { password: given, generated: false };
  return { password: randomBytes(18).toString('base64url'), generated: true };
}

/** The district to assign: the one with --district-code, else the first existing one; created when missing. */
async function ensureDistrict(tx: Tx, opts: Options): Promise<{ row: typeof areaNodes.$inferSelect; created: boolean }> {
  const [existing] = await tx
    .select()
    .from(areaNodes)
    .where(and(eq(areaNodes.kind, 'district'), opts.districtCode ? eq(areaNodes.code, opts.districtCode) : undefined))
    .orderBy(asc(areaNodes.code))
    .limit(1);
  if (existing) return { row: existing, created: false };
  const code = opts.districtCode ?? DEFAULT_DISTRICT.code;
  const name = opts.districtName ?? (code === DEFAULT_DISTRICT.code ? DEFAULT_DISTRICT.name : code);
  const id = randomUUID();
  const [row] = await tx
    .insert(areaNodes)
    .values({ id, kind: 'district', code, name, parentId: null, ...ancestryFor('district', id, null) })
    .returning();
  return { row: row!, created: true };
}

async function createNew(db: Db, opts: Options, passwordHash: string, log: (s: string) => void): Promise<number> {
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, opts.username));
    if (taken) {
      log(`User '${opts.username}' already exists. Use --reset to set a new password.`);
      return 1;
    }
    const district = await ensureDistrict(tx, opts);
    const [user] = await tx
      .insert(users)
      .values({ username: opts.username, displayName: opts.name ?? '系统管理员', passwordHash })
      .returning({ id: users.id });
    await tx.insert(roleAssignments).values({ userId: user!.id, role: ADMIN_ROLE, areaId: district.row.id });
    await writeAudit(
      { db, tx, actor: null, ip: null, requestId: null },
      {
        action: 'user.create',
        entityType: 'user',
        entityId: user!.id,
        actorName: CLI_ACTOR,
        details: { assignments: [{ role: ADMIN_ROLE, areaId: district.row.id, orgId: null }], via: 'cli' },
      },
    );
    if (district.created) log(`Created district ${district.row.code} ${district.row.name}.`);
    log(`Created system admin '${opts.username}' on district ${district.row.code} ${district.row.name}.`);
    return 0;
  });
}

async function resetExisting(db: Db, opts: Options, passwordHash: string, log: (s: string) => void): Promise<number> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.username, opts.username)).for('update');
    const [isAdmin] = user
      ? await tx
          .select({ id: roleAssignments.id })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.userId, user.id), eq(roleAssignments.role, ADMIN_ROLE)))
      : [];
    if (!user || !isAdmin) {
      log(`There is no system admin '${opts.username}' to reset. Leave out --reset to create one.`);
      return 1;
    }
    await tx
      .update(users)
      .set({ passwordHash, active: true, ...(opts.name ? { displayName: opts.name } : {}) })
      .where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id);
    await writeAudit(
      { db, tx, actor: null, ip: null, requestId: null },
      {
        action: 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
        actorName: CLI_ACTOR,
        details: { via: 'cli', reactivated: !user.active },
      },
    );
    log(`Set a new password for system admin '${opts.username}'${user.active ? '' : ' and reactivated it'}; its sessions are signed out.`);
    return 0;
  });
}

/** `create-admin`: creates the first (or another) system admin, or resets one's password with --reset. */
export async function createAdminCommand(args: string[], io: CreateAdminIo): Promise<number> {
  if (args.includes('--help')) {
    io.log(HELP);
    return 0;
  }
  const opts = readOptions(args);
  if (typeof opts === 'string') {
    io.log(`${opts}\n\n${HELP}`);
    return 2;
  }
  if (opts.districtCode && !isValidAreaCode('district', opts.districtCode)) {
    io.log(`--district-code must be a 6-digit county code (GB/T 2260), e.g. ${DEFAULT_DISTRICT.code}.`);
    return 2;
  }
  const { password, generated } = await choosePassword(opts, io);
  if (password.length < PASSWORD_MIN_LENGTH) {
    io.log(`The password must be at least ${PASSWORD_MIN_LENGTH} characters long (it has ${password.length}). Nothing was changed.`);
    return 1;
  }
  const passwordHash = await hashPassword(password);
  const code = opts.reset ? await resetExisting(io.db, opts, passwordHash, io.log) : await createNew(io.db, opts, passwordHash, io.log);
  if (code === 0 && generated) io.log(`Generated password (shown only this once): ${password}`);
  return code;
}

export const createAdmin: CliCommand = {
  name: 'create-admin',
  summary: 'Create a system admin (first run), or --reset the password of one',
  run: (args, io) => createAdminCommand(args, { ...io, env: process.env }),
};
