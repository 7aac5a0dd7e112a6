import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** Lints a snippet as if it lived at `filePath` (which need not exist) and returns rule id + message per problem. */
async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

const importError = (text: string) => ({ rule: 'no-restricted-imports', message: expect.stringContaining(text) });
const ROLE = { rule: 'no-restricted-syntax', message: expect.stringContaining('Role names live in @linli/contracts') };

describe('import boundaries', () => {
  it('the web cannot import server code', async () => {
    expect(
      await lint('apps/web/src/features/x/page.tsx', "import { app } from '../../../../server/src/app.js';\nexport const a = app;\n"),
    ).toEqual([importError('The web never imports server code')]);
    expect(await lint('apps/web/src/lib/x.ts', "import { app } from '@linli/server/app';\nexport const a = app;\n")).toEqual([
      importError('The web never imports server code'),
    ]);
  });

  it('a module cannot import the seed or the test helpers, but its tests and test kits can', async () => {
    const code =
      "import { rows } from '../../seed/rows.js';\nimport { buildUser } from '../../testing/index.js';\nexport const a = [rows, buildUser];\n";
    expect(await lint('apps/server/src/modules/imports/write.ts', code)).toEqual([
      importError('never import the demo seed'),
      importError('never import the demo seed'),
    ]);
    expect(await lint('apps/server/src/modules/imports/write.test.ts', code)).toEqual([]);
    expect(await lint('apps/server/src/modules/imports/test-kit.ts', code)).toEqual([]);
    expect(await lint('apps/server/src/modules/imports/test-data.ts', code)).toEqual([]);
  });

  it('a verb cannot import db/schema or drizzle-orm; the repo can', async () => {
    const code =
      "import { orders } from '../../../db/schema/index.js';\nimport { eq } from 'drizzle-orm';\nexport const a = [orders, eq];\n";
    expect(await lint('apps/server/src/modules/orders/verbs/place-order.ts', code)).toEqual([
      importError('never import db/schema'),
      importError('never import drizzle-orm'),
    ]);
    expect(await lint('apps/server/src/modules/orders/repo.ts', code.replace('../../../', '../../'))).toEqual([]);
  });

  it('routes cannot import db/schema or drizzle-orm, split route files included', async () => {
    expect(
      await lint('apps/server/src/modules/orders/routes.ts', "import { orders } from '../../db/schema.js';\nexport const a = orders;\n"),
    ).toEqual([importError('never import db/schema')]);
    expect(
      await lint('apps/server/src/modules/orders/routes-desk.ts', "import { sql } from 'drizzle-orm';\nexport const a = sql;\n"),
    ).toEqual([importError('never import drizzle-orm')]);
  });

  it('the web cannot import db/schema', async () => {
    expect(await lint('apps/web/src/lib/x.ts', "import { users } from '../db/schema/users';\nexport const a = users;\n")).toEqual([
      importError('never import db/schema'),
    ]);
  });
});

describe('role names only in contracts, policies, the seed and tests', () => {
  it('flags a role name in a server file that is not a policy', async () => {
    const code = "declare const a: { role: string };\nexport const isAdmin = a.role === 'community_admin';\n";
    expect(await lint('apps/server/src/modules/orders/settings.ts', code)).toEqual([ROLE]);
    expect(await lint('apps/server/src/core/scope.ts', code)).toEqual([ROLE]);
  });

  it('allows it in policy.ts, the seed, tests and contracts', async () => {
    const code = "declare const a: { role: string };\nexport const isAdmin = a.role === 'community_admin';\n";
    expect(await lint('apps/server/src/modules/orders/policy.ts', code)).toEqual([]);
    expect(await lint('apps/server/src/seed/users.ts', code)).toEqual([]);
    expect(await lint('apps/server/src/modules/orders/orders.test.ts', code)).toEqual([]);
    expect(await lint('apps/server/src/testing/factories.ts', code)).toEqual([]);
    expect(await lint('packages/contracts/src/roles.ts', code)).toEqual([]);
  });

  it('flags role names in SQL text, as object keys and in the web', async () => {
    const sql =
      "declare const sql: (s: TemplateStringsArray) => string;\nexport const q = sql`SELECT 1 FROM role_assignments ra WHERE ra.role = 'grid_worker'`;\n";
    expect(await lint('apps/server/src/modules/notifications/recipients.ts', sql)).toEqual([ROLE]);
    expect(await lint('apps/server/src/modules/users/grants.ts', 'export const byRole = { street_supervisor: 1 };\n')).toEqual([ROLE]);
    expect(await lint('apps/web/src/features/users/grantable.ts', "export const mine = ['system_admin'];\n")).toEqual([ROLE]);
  });

  it('flags a plain-word role only where the code is about roles', async () => {
    const roleUses = [
      "declare const f: { role: string };\nexport const self = f.role === 'resident';\n",
      "export const grant = { role: 'volunteer' };\n",
      "declare const actor: { roles: string[] };\nexport const rates = actor.roles.includes('evaluator');\n",
      "import type { Role } from '@linli/contracts';\nexport const few: Role[] = ['resident'];\n",
      "declare const sql: (s: TemplateStringsArray) => string;\nexport const q = sql`WHERE ra.role IN ('handler', 'volunteer')`;\n",
    ];
    for (const code of roleUses) expect(await lint('apps/server/src/modules/orders/x.ts', code), code).toEqual([ROLE]);
    const otherUses = [
      "declare const e: { entityType: string };\nexport const isMember = e.entityType === 'resident';\n",
      "export const badge = { key: 'volunteer', entityType: 'resident' };\n",
      "declare const sql: (s: TemplateStringsArray) => string;\nexport const q = sql`SELECT 'resident' AS audience`;\n",
    ];
    for (const code of otherUses) expect(await lint('apps/server/src/modules/orders/x.ts', code), code).toEqual([]);
  });
});

it('a module file that keeps to the rules has no problems', async () => {
  const code = [
    "import { ROLE_LABELS, type Role } from '@linli/contracts';",
    "import { inTx } from '../../../core/context.js';",
    "import { findOrder } from '../repo.js';",
    'export const label = (role: Role) => ROLE_LABELS[role].en;',
    'export const deps = [inTx, findOrder];',
    '',
  ].join('\n');
  expect(await lint('apps/server/src/modules/orders/verbs/read-order.ts', code)).toEqual([]);
  expect(await lint('apps/web/src/features/users/role-tag.tsx', code.replace('../../../core/context.js', '../../lib/api'))).toEqual([]);
});
