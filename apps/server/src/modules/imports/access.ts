import type { Actor } from '../../core/actor.js';
import { authorize, requireAbility } from '../../core/authorize.js';
import type { Db, Tx } from '../../db/pool.js';
import { type CommunityScope, canImportInto, seesCommunity } from './policy.js';
import type { CommunityRow } from './reference.js';
import { type ImportJobRow, findCommunity, findJob } from './repo.js';

export const communityScope = (c: CommunityRow): CommunityScope => ({ districtId: c.districtId, streetId: c.streetId, communityId: c.id });

const jobScope = (j: ImportJobRow): CommunityScope => ({ districtId: j.districtId, streetId: j.streetId, communityId: j.communityId });

/** The community a register goes into: 403 without registry.write, 404 outside the actor's registry, 403 below community level. */
export async function importCommunity(db: Db | Tx, actor: Actor, communityId: string): Promise<CommunityRow> {
  requireAbility(actor, 'registry.write');
  return authorize(await findCommunity(db, communityId), {
    see: (c) => seesCommunity(actor, communityScope(c)),
    act: (c) => canImportInto(actor, communityScope(c)),
    entity: 'community',
  });
}

/** An import job under the same rule as its community (locked for update when `lock`). */
export async function importJobFor(db: Db | Tx, actor: Actor, id: string, lock = false): Promise<ImportJobRow> {
  requireAbility(actor, 'registry.write');
  return authorize(await findJob(db, id, lock), {
    see: (j) => seesCommunity(actor, jobScope(j)),
    act: (j) => canImportInto(actor, jobScope(j)),
    entity: 'import',
  });
}
