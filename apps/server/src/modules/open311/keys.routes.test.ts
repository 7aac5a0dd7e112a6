import { CreatedOpen311Key, ErrorBody, Open311KeyDto, Open311KeyList } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, open311Keys } from '../../db/schema/index.js';
import { type Agent, TEST_PASSWORD, type Tree, buildCommunityTree, buildUser, signIn, useTestApp } from '../../testing/index.js';
import { hashApiKey } from './key-hash.js';

const ctx = useTestApp();
let A: Tree;
let B: Tree;
let supervisor: Agent;
let admin: Agent;
let supervisorB: Agent;

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db);
  const as = async (role: 'street_supervisor' | 'community_admin', areaId: string) =>
    signIn(ctx.app, (await buildUser(ctx.t.db, role, { areaId })).username, TEST_PASSWORD);
  supervisor = await as('street_supervisor', A.street.id);
  admin = await as('community_admin', A.community.id);
  supervisorB = await as('street_supervisor', B.street.id);
});

const create = (agent: Agent, communityId: string, name = 'city app') => agent.post('/api/open311/keys', { name, communityId });

describe('Open311 API keys in the console', () => {
  it('street supervisor: can create a key, shown once, stored only as a hash, audited', async () => {
    const res = await create(supervisor, A.community.id);
    expect(res.statusCode).toBe(201);
    const made = CreatedOpen311Key.parse(res.json());
    expect(made.key).toMatch(/^o311_[\w-]{32}$/);
    expect(made.prefix).toBe(made.key.slice(0, 8));
    expect(made.community).toEqual({ id: A.community.id, name: A.community.name });
    expect(made.abilities.canRevoke).toBe(true);
    const [row] = await ctx.t.db.select().from(open311Keys).where(eq(open311Keys.id, made.id));
    expect(row).toMatchObject({ keyHash: hashApiKey(made.key), streetId: A.street.id, districtId: A.district.id, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(made.key);
    const list = Open311KeyList.parse((await supervisor.get('/api/open311/keys')).json());
    expect(list.items.map((k) => k.id)).toContain(made.id);
    expect(JSON.stringify(list)).not.toContain(made.key);
    const audit = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'open311_key.create'), eq(auditLog.entityId, made.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain(made.key);
  });

  it('street supervisor: can revoke a key once; a second revoke is 409; the key stops working', async () => {
    const made = CreatedOpen311Key.parse((await create(supervisor, A.community.id, 'short-lived')).json());
    const res = await supervisor.post(`/api/open311/keys/${made.id}/revoke`);
    expect(res.statusCode).toBe(200);
    const dto = Open311KeyDto.parse(res.json());
    expect(dto.revokedAt).not.toBeNull();
    expect(dto.abilities.canRevoke).toBe(false);
    expect((await supervisor.post(`/api/open311/keys/${made.id}/revoke`)).statusCode).toBe(409);
    const services = await ctx.app.inject({ method: 'GET', url: `/open311/v2/services.json?api_key=${made.key}` });
    expect(services.statusCode).toBe(403);
    expect(
      await ctx.t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'open311_key.revoke'), eq(auditLog.entityId, made.id))),
    ).toHaveLength(1);
  });

  it('street supervisor: cannot create a key for another street’s community (404) nor for a non-community (404)', async () => {
    for (const id of [B.community.id, A.building.id]) {
      const res = await create(supervisor, id);
      expect(res.statusCode).toBe(404);
      expect(ErrorBody.parse(res.json()).error.code).toBe('NOT_FOUND');
    }
  });

  it('street supervisor: cannot see or revoke another street’s keys (404)', async () => {
    const made = CreatedOpen311Key.parse((await create(supervisorB, B.community.id)).json());
    const list = Open311KeyList.parse((await supervisor.get('/api/open311/keys')).json());
    expect(list.items.map((k) => k.id)).not.toContain(made.id);
    expect((await supervisor.post(`/api/open311/keys/${made.id}/revoke`)).statusCode).toBe(404);
  });

  it('community admin: cannot list, create or revoke keys (403)', async () => {
    expect((await admin.get('/api/open311/keys')).statusCode).toBe(403);
    expect((await create(admin, A.community.id)).statusCode).toBe(403);
    const made = CreatedOpen311Key.parse((await create(supervisor, A.community.id)).json());
    expect((await admin.post(`/api/open311/keys/${made.id}/revoke`)).statusCode).toBe(403);
  });

  it('anonymous: cannot list keys (401)', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/open311/keys' })).statusCode).toBe(401);
  });

  it('refuses an empty name with a field error', async () => {
    const res = await create(supervisor, A.community.id, '  ');
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.details?.issues?.[0]?.path).toBe('name');
  });
});
