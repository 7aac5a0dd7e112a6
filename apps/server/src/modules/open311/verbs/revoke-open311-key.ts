import type { Open311KeyDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { OPEN311_MESSAGES } from '../messages.js';
import { canManageKeys } from '../policy.js';
import { presentKey } from '../presenter.js';
import { findKey, markKeyRevoked } from '../repo-keys.js';

/** Revokes a key at once: later calls with it answer 403; revoking it again answers 409. */
export async function revokeOpen311Key({ ctx, input }: VerbArgs<{ id: string }>): Promise<Open311KeyDto> {
  requireAbility(ctx.actor, 'integrations.manage');
  return inTx(ctx, async (tctx) => {
    const row = authorize(await findKey(tctx.tx, input.id, true), { see: (k) => canManageKeys(ctx.actor, k), entity: 'open311_key' });
    if (row.revokedAt) throw conflict(OPEN311_MESSAGES.keyRevoked()[ctx.locale], { reason: 'revoked' });
    await markKeyRevoked(tctx.tx, row.id);
    const revoked = presentKey(ctx.actor, (await findKey(tctx.tx, row.id))!);
    await writeAudit(tctx, {
      action: 'open311_key.revoke',
      entityType: 'open311_key',
      entityId: row.id,
      streetId: row.streetId,
      communityId: row.communityId,
      details: { prefix: row.prefix },
    });
    return revoked;
  });
}
