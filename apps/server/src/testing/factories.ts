import { randomUUID } from 'node:crypto';
import type { AreaKind, HandlerOrgKind, Role } from '@linli/contracts';
import type { Db } from '../db/pool.js';
import { areaNodes, handlerOrgs, roleAssignments, users } from '../db/schema/index.js';
import { ancestryFor, type ParentNode } from '../modules/areas/tree.js';
import { hashPassword } from '../modules/auth/passwords.js';

export type AreaRow = typeof areaNodes.$inferSelect;
let seq = 0;
const next = () => ++seq;
const pad = (n: number, w: number) => String(n % 10 ** w).padStart(w, '0');

/** Inserts one area node under `parent` with its ancestor ids; codes are made unique per call. */
export async function buildArea(
  db: Db,
  kind: AreaKind,
  parent: AreaRow | null,
  over: Partial<{ name: string; code: string; gridId: string }> = {},
): Promise<AreaRow> {
  const n = next();
  const code =
    over.code ??
    {
      district: () => `9${pad(n, 5)}`,
      street: () => `${parent!.code}${pad(n, 3)}`,
      community: () => `${parent!.code}${pad(n, 3)}`,
      grid: () => `${parent!.code}${pad(n, 3)}`,
      compound: () => `${parent!.code}-${pad(n, 2)}`,
      building: () => `${parent!.code}-${pad(n, 3)}`,
    }[kind]();
  const id = randomUUID();
  const anc = ancestryFor(kind, id, parent as ParentNode | null, over.gridId);
  const [row] = await db
    .insert(areaNodes)
    .values({ id, kind, code, name: over.name ?? `${kind} ${n}`, parentId: parent?.id ?? null, ...anc })
    .returning();
  return row!;
}

export type Tree = { district: AreaRow; street: AreaRow; community: AreaRow; grid: AreaRow; compound: AreaRow; building: AreaRow };

/** A district → street → community with one grid, one compound and one building. */
export async function buildCommunityTree(db: Db, street?: AreaRow): Promise<Tree> {
  const district = street
    ? ((await db.query.areaNodes.findFirst({ where: (a, { eq }) => eq(a.id, street.districtId!) })) as AreaRow)
    : await buildArea(db, 'district', null);
  const st = street ?? (await buildArea(db, 'street', district));
  const community = await buildArea(db, 'community', st);
  const grid = await buildArea(db, 'grid', community);
  const compound = await buildArea(db, 'compound', community);
  const building = await buildArea(db, 'building', compound, { gridId: grid.id });
  return { district, street: st, community, grid, compound, building };
}

export async function buildOrg(db: Db, area: AreaRow, kind: HandlerOrgKind = 'property') {
  const [row] = await db
    .insert(handlerOrgs)
    .values({
      kind,
      name: `org ${next()}`,
      areaId: area.id,
      districtId: area.districtId!,
      streetId: area.streetId!,
      communityId: area.communityId,
    })
    .returning();
  return row!;
}

export const TEST_PASSWORD = 'correct-horse-battery';

/** A user holding `role` on an area or organisation; password TEST_PASSWORD unless given. */
export async function buildUser(
  db: Db,
  role: Role,
  scope: { areaId?: string; orgId?: string },
  over: Partial<{ username: string; password: string; active: boolean }> = {},
) {
  const username = over.username ?? `${role.replace('_', '-')}-${next()}`;
  const password = over.password ?? TEST_PASSWORD;
  const [u] = await db
    .insert(users)
    .values({ username, displayName: username, passwordHash: await hashPassword(password), active: over.active ?? true })
    .returning();
  await db.insert(roleAssignments).values({ userId: u!.id, role, areaId: scope.areaId ?? null, orgId: scope.orgId ?? null });
  return { ...u!, password };
}
