import type { ServiceField } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { services } from '../../db/schema/index.js';
import type { Db } from '../../db/pool.js';
import { type Tree, TEST_PASSWORD, buildCommunityTree, buildOrg, buildService, buildUser, signIn } from '../../testing/index.js';

export const LEAK_FIELDS: ServiceField[] = [
  {
    code: 'room',
    label: '漏水位置',
    hint: '例如 厨房',
    type: 'singlevaluelist',
    required: true,
    options: [
      { key: 'kitchen', name: '厨房' },
      { key: 'bath', name: '卫生间' },
    ],
  },
  { code: 'floors', label: '影响楼层', hint: '', type: 'number', required: false, options: [] },
  {
    code: 'signs',
    label: '现象',
    hint: '可多选',
    type: 'multivaluelist',
    required: false,
    options: [
      { key: 'drip', name: '滴水' },
      { key: 'mould', name: '霉斑' },
    ],
  },
  { code: 'seen_at', label: '发现时间', hint: '', type: 'datetime', required: false, options: [] },
  { code: 'note', label: '补充说明', hint: '', type: 'text', required: false, options: [] },
];

/**
 * Two streets with the same service code: `tree` (with a key issued through the API by its street supervisor) and
 * `other` in another district. The leak service has every field type; `clean` has none.
 */
export async function buildOpen311World(app: FastifyInstance, db: Db) {
  const tree: Tree = await buildCommunityTree(db);
  const other: Tree = await buildCommunityTree(db);
  const org = await buildOrg(db, tree.street);
  const leak = await buildService(db, tree.street, { code: 'leak', name: '漏水报修', fields: LEAK_FIELDS, defaultHandlerOrgId: org.id });
  await db
    .update(services)
    .set({ keywords: ['漏水', '维修'], description: '房屋漏水 & 渗水' })
    .where(eq(services.id, leak.id));
  const clean = await buildService(db, tree.street, { code: 'clean', name: '楼道保洁', category: 'home_service' });
  await buildService(db, tree.street, { code: 'retired', name: '停用服务', active: false });
  const otherLeak = await buildService(db, other.street, { code: 'leak', name: '漏水报修' });
  const issue = async (t: Tree) => {
    const supervisor = await buildUser(db, 'street_supervisor', { areaId: t.street.id });
    const agent = await signIn(app, supervisor.username, TEST_PASSWORD);
    const created = await agent.post('/api/open311/keys', { name: 'city app', communityId: t.community.id });
    if (created.statusCode !== 201) throw new Error(`key creation failed: ${created.body}`);
    return { agent, ...(created.json() as { key: string; id: string }) };
  };
  const { agent, key, id: keyId } = await issue(tree);
  const { key: otherKey } = await issue(other);
  const code = (street: Tree['street'], svc: string) => `${street.code}-${svc}`;
  return { tree, other, org, leak, clean, otherLeak, agent, key, keyId, otherKey, code };
}
export type Open311World = Awaited<ReturnType<typeof buildOpen311World>>;

/** A form-encoded POST /requests body. */
export function form(fields: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of ([] as string[]).concat(v)) p.append(k, one);
  return p.toString();
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
