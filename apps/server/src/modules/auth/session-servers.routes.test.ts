import { MeDto } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { type Database, openDatabase } from '../../db/pool.js';
import { roleAssignments } from '../../db/schema/index.js';
import { TEST_PASSWORD, buildCommunityTree, buildUser, signIn, testPii, useTestApp } from '../../testing/index.js';

const a = useTestApp();
let b: { app: FastifyInstance; database: Database };

beforeAll(async () => {
  const database = openDatabase(a.t.url, { max: 2 });
  b = { app: await buildApp({ database, pii: testPii }), database };
});
afterAll(async () => {
  await b.app.close();
  await b.database.pool.end();
});

const meOnB = (cookie: string) => b.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

describe('a session used on two servers (no server keeps a copy)', () => {
  it('community_staff: cannot use a session on server B once signed out on server A', async () => {
    const tree = await buildCommunityTree(a.t.db);
    const staff = await buildUser(a.t.db, 'community_staff', { areaId: tree.community.id });
    const agent = await signIn(a.app, staff.username, TEST_PASSWORD);
    expect((await meOnB(agent.cookie)).statusCode).toBe(200);
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await meOnB(agent.cookie)).statusCode).toBe(401);
  });

  it('community_staff: cannot keep a removed role on server B at the next request', async () => {
    const tree = await buildCommunityTree(a.t.db);
    const staff = await buildUser(a.t.db, 'community_staff', { areaId: tree.community.id });
    await a.t.db.insert(roleAssignments).values({ userId: staff.id, role: 'grid_worker', areaId: tree.grid.id });
    const agent = await signIn(a.app, staff.username, TEST_PASSWORD);
    expect(MeDto.parse((await meOnB(agent.cookie)).json()).roles).toEqual(['community_staff', 'grid_worker']);
    await a.t.db.delete(roleAssignments).where(eq(roleAssignments.role, 'grid_worker'));
    expect(MeDto.parse((await meOnB(agent.cookie)).json()).roles).toEqual(['community_staff']);
  });
});
