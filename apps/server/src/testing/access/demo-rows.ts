import type pg from 'pg';

/** The two demo communities: Anping (安平) and Green Yangyuan (绿扬新苑). */
export type Side = 'anping' | 'lvyang';
export const SIDES: readonly Side[] = ['anping', 'lvyang'];

/** Kinds of rows a path (or a query) can name; each is resolved to one id per community of the seeded demo. */
export type RowKind =
  | 'community'
  /** the community's area code (reports take codes) */
  | 'communityCode'
  | 'building'
  | 'household'
  | 'resident'
  | 'order'
  | 'user'
  | 'partyMember'
  | 'postHolder'
  | 'mediationCase'
  | 'consultation'
  | 'meeting'
  | 'activity'
  | 'volunteer'
  | 'programme'
  | 'service'
  /** the Open311 code (`<street code>-<service code>`) of an active service without required fields */
  | 'serviceCode';

/** null where the demo has no such row in that community (the cell is then skipped and reported). */
export type DemoRows = Record<RowKind, Record<Side, string | null>>;

const one = async (pool: pg.Pool, sql: string, params: unknown[], what: string): Promise<string> => {
  const { rows } = await pool.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`the seeded demo has no ${what}`);
  return rows[0].id;
};

/**
 * Ids of the seeded demo. Green Yangyuan's rows lie in the building of the demo building leader (`lvyang-leader`),
 * which is in the grid of `lvyang-grid`, so "inside" holds for every Green Yangyuan role; its order is handled by
 * 绿扬物业, the organisation of `property`. Anping's rows are outside all of them.
 */
export async function resolveDemoRows(pool: pg.Pool): Promise<DemoRows> {
  const areaOf = (username: string) =>
    one(
      pool,
      `SELECT ra.area_id AS id FROM role_assignments ra JOIN users u ON u.id = ra.user_id WHERE u.username = $1`,
      [username],
      username,
    );
  const anping = await areaOf('anping-staff');
  const lvyang = await areaOf('lvyang-staff');
  const leaderBuilding = await areaOf('lvyang-leader');
  const propertyOrg = await one(
    pool,
    `SELECT ra.org_id AS id FROM role_assignments ra JOIN users u ON u.id = ra.user_id WHERE u.username = 'property'`,
    [],
    'property org',
  );
  const anpingBuilding = await one(
    pool,
    `SELECT id FROM area_nodes WHERE kind = 'building' AND community_id = $1 ORDER BY code LIMIT 1`,
    [anping],
    'building',
  );
  const inBuilding = (table: string, extra = '') =>
    Promise.all([
      one(pool, `SELECT id FROM ${table} WHERE building_id = $1 ${extra} ORDER BY id LIMIT 1`, [anpingBuilding], `${table} in Anping`),
      one(
        pool,
        `SELECT id FROM ${table} WHERE building_id = $1 ${extra} ORDER BY id LIMIT 1`,
        [leaderBuilding],
        `${table} in Green Yangyuan`,
      ),
    ]).then(([a, l]) => ({ anping: a, lvyang: l }));
  const inCommunity = async (table: string) => {
    const first = async (c: string) =>
      (await pool.query<{ id: string }>(`SELECT id::text AS id FROM ${table} WHERE community_id = $1 ORDER BY id LIMIT 1`, [c])).rows[0]
        ?.id ?? null;
    return { anping: await first(anping), lvyang: await first(lvyang) };
  };
  const userId = (username: string) => one(pool, `SELECT id FROM users WHERE username = $1`, [username], username);
  const order = {
    anping: await one(pool, `SELECT id FROM orders WHERE community_id = $1 ORDER BY placed_at DESC LIMIT 1`, [anping], 'Anping order'),
    lvyang: await one(
      pool,
      `SELECT id FROM orders WHERE building_id = $1 ORDER BY (handler_org_id = $2) DESC NULLS LAST, placed_at DESC LIMIT 1`,
      [leaderBuilding, propertyOrg],
      'Green Yangyuan order',
    ),
  };
  const service = await one(pool, `SELECT id FROM services ORDER BY code LIMIT 1`, [], 'service');
  return {
    community: { anping, lvyang },
    communityCode: {
      anping: await one(pool, `SELECT code AS id FROM area_nodes WHERE id = $1`, [anping], 'code'),
      lvyang: await one(pool, `SELECT code AS id FROM area_nodes WHERE id = $1`, [lvyang], 'code'),
    },
    building: { anping: anpingBuilding, lvyang: leaderBuilding },
    household: await inBuilding('households'),
    resident: await inBuilding('residents'),
    order,
    user: { anping: await userId('anping-staff'), lvyang: await userId('lvyang-grid') },
    partyMember: await inCommunity('party_members'),
    postHolder: await inCommunity('post_holders'),
    mediationCase: await inCommunity('mediation_cases'),
    consultation: await inCommunity('consultations'),
    meeting: await inCommunity('meetings'),
    activity: await inCommunity('activities'),
    volunteer: await inCommunity('volunteers'),
    programme: await inCommunity('programmes'),
    service: { anping: service, lvyang: service },
    serviceCode: await one(
      pool,
      `SELECT st.code || '-' || s.code AS id FROM services s JOIN area_nodes st ON st.id = s.street_id WHERE s.active AND NOT s.fields @> '[{"required": true}]' ORDER BY s.code LIMIT 1`,
      [],
      'active service',
    ).then((code) => ({ anping: code, lvyang: code })),
  };
}
