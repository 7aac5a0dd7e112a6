// The module-shape rules of docs/ARCHITECTURE.md ("Held by tools"), as ESLint config objects.
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';

/** Test code: exempt from the import and role-name rules. */
export const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/*test-kit.ts', '**/test-data.ts', 'apps/server/src/testing/**'];

/** The role names, read from the one place that declares them (`Role` in contracts/roles.ts). */
export function readRoleNames(file = new URL('../../packages/contracts/src/roles.ts', import.meta.url)) {
  const source = readFileSync(file, 'utf8');
  const list = /export const Role = z\.enum\(\[([^\]]*)\]/.exec(source)?.[1];
  const names = [...(list ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
  if (names.length === 0) throw new Error(`no Role enum found in ${file}`);
  return names;
}

const SERVER = {
  regex: '^@linli/server(/|$)|(^|/)apps/server(/|$)|^(\\.\\./)+server(/|$)',
  message: 'The web never imports server code; share it through @linli/contracts.',
};
const SEED_OR_TESTING = {
  regex: '(^|/)(seed|testing)(/|\\.js$|$)',
  message: 'Modules never import the demo seed or the test helpers (tests excepted).',
};
const SCHEMA = {
  regex: '(^|/)db/schema(/|\\.js$|$)',
  message: 'Routes, verbs and the web never import db/schema: queries live in the module repo.',
};
const DRIZZLE = {
  regex: '^drizzle-orm(/|$)',
  message: 'Verbs and routes never import drizzle-orm: queries live in the module repo.',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const ROLE_MESSAGE = 'Role names live in @linli/contracts and policy.ts (SQL gets them as parameters); the web shows what abilities allow.';

/**
 * Selectors for role names outside contracts and policies. A name with an underscore ('grid_worker') is a role
 * wherever it appears; a plain word ('resident', 'volunteer') only where the code is plainly about roles.
 */
export function roleSelectors(roles = readRoleNames()) {
  const exact = roles.filter((r) => r.includes('_'));
  const words = roles.filter((r) => !r.includes('_'));
  const anyExact = exact.join('|');
  const word = `/^(${words.join('|')})$/`;
  const selectors = [
    `Literal[value=/\\b(${anyExact})\\b/]`,
    `TemplateElement[value.raw=/\\b(${anyExact})\\b/]`,
    `Identifier[name=/^(${anyExact})$/]`,
  ];
  if (words.length > 0) {
    selectors.push(
      // role === 'resident', a.role !== 'volunteer'
      `BinaryExpression:matches([left.name='role'], [left.property.name='role'], [right.name='role'], [right.property.name='role']) > Literal[value=${word}]`,
      // { role: 'resident' }, { role: x ?? 'resident' }, { roles: ['volunteer'] }
      `Property[key.name=/^roles?$/] Literal[value=${word}]`,
      // actor.roles.includes('resident'), roles.add('resident')
      `CallExpression[callee.property.name=/^(includes|has|add|indexOf)$/]:matches([callee.object.name=/[rR]oles$/], [callee.object.property.name=/[rR]oles$/]) > Literal[value=${word}]`,
      // eq(roleAssignments.role, 'resident')
      `CallExpression[callee.name=/^(eq|ne)$/][arguments.0.property.name='role'] > Literal[value=${word}]`,
      // const x: Role[] = ['resident'], 'resident' as Role
      `VariableDeclarator:has(TSTypeReference[typeName.name='Role']) Literal[value=${word}]`,
      `:matches(TSAsExpression, TSSatisfiesExpression)[typeAnnotation.typeName.name='Role'] > Literal[value=${word}]`,
      // SQL: role = 'resident', role IN ('volunteer', …)
      `TemplateElement[value.raw=/\\brole\\s*(=|<>|!=|IN\\s*\\()\\s*('\\w+'\\s*,\\s*)*'(${words.join('|')})'/i]`,
    );
  }
  return selectors.map((selector) => ({ selector, message: ROLE_MESSAGE }));
}

/** Import boundaries and role names; later objects override earlier ones for the files both match. */
export const boundaryConfigs = [
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: restrict(SERVER, SCHEMA),
  },
  {
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: TEST_FILES,
    rules: restrict(SEED_OR_TESTING),
  },
  {
    files: ['apps/server/src/modules/**/routes*.ts', 'apps/server/src/modules/**/verbs/**/*.ts'],
    ignores: TEST_FILES,
    rules: restrict(SEED_OR_TESTING, SCHEMA, DRIZZLE),
  },
  {
    files: ['apps/server/src/**/*.ts', 'apps/web/src/**/*.{ts,tsx}'],
    ignores: [...TEST_FILES, '**/policy.ts', 'apps/server/src/seed/**'],
    rules: { 'no-restricted-syntax': ['error', ...roleSelectors()] },
  },
];
