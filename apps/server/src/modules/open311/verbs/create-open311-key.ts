import type { CreateOpen311KeyInput, CreatedOpen311Key } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { findNode } from '../../areas/repo.js';
import { apiKeyPrefix, newApiKey, storedKeyFields } from '../key-hash.js';
import { canManageKeys } from '../policy.js';
import { presentKey } from '../presenter.js';
import { findKey, insertKey } from '../repo-keys.js';

/** Issues a key for a community; only its hash is kept, so the answer is the one time the key is shown. */
export async function createOpen311Key({ ctx, input }: VerbArgs<CreateOpen311KeyInput>): Promise<CreatedOpen311Key> {
  requireAbility(ctx.actor, 'integrations.manage');
  const key = newApiKey();
  return inTx(ctx, async (tctx) => {
    const community = authorize(await findNode(tctx.tx, input.communityId), {
      see: (n) => n.kind === 'community' && canManageKeys(ctx.actor, n),
      entity: 'community',
    });
    const keyId = await insertKey(tctx.tx, {
      name: input.name,
      ...storedKeyFields(key, community),
      createdBy: ctx.actor.userId,
    });
    const created = presentKey(ctx.actor, (await findKey(tctx.tx, keyId))!);
    await writeAudit(tctx, {
      action: 'open311_key.create',
      entityType: 'open311_key',
      entityId: keyId,
      streetId: community.streetId,
      communityId: community.id,
      details: { name: input.name, prefix: apiKeyPrefix(key) },
    });
    return { ...created, key };
  });
}
