import { ErrorBody, type Role } from '@linli/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { type Agent, TEST_PASSWORD, type TestApp, buildUser, signIn } from '../../testing/index.js';

/** Test support for the registry's route tests. */
export function registryKit(ctx: TestApp) {
  return {
    /** A signed-in user holding `role` on `areaId`. */
    as: async (role: Role, areaId: string): Promise<Agent> => {
      const u = await buildUser(ctx.t.db, role, { areaId });
      return signIn(ctx.app, u.username, TEST_PASSWORD);
    },
    /** The same request in English. */
    en: (agent: Agent, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
      agent.request({ method, url, payload, headers: { 'x-linli-locale': 'en' } }),
    count: async (table: string, where = 'true', params: unknown[] = []) =>
      (await ctx.t.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)).rows[0]!.n,
  };
}

export const issuesOf = (res: LightMyRequestResponse) => ErrorBody.parse(res.json()).error.details?.issues ?? [];
export const codeOf = (res: LightMyRequestResponse) => ErrorBody.parse(res.json()).error.code;

/** ID numbers print as 6 + 8 stars + 4, phones as 3 + 4 stars + 4: nothing in a body may look like a full one. */
export const MASKED_ID = /^\d{6}\*{8}[\dX]{4}$/;
export const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;
export function expectNoPlainPii(body: string, secrets: (string | null)[]): void {
  for (const s of secrets) if (s && body.includes(s)) throw new Error(`plain personal data in a response: ${s.slice(0, 3)}…`);
}
