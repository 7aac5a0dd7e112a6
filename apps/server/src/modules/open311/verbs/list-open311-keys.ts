import type { Open311KeyList } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { presentKey } from '../presenter.js';
import { listKeysInScope } from '../repo-keys.js';

/** The Open311 keys of the communities the actor manages integrations for, newest first. */
export async function listOpen311Keys({ ctx }: VerbArgs): Promise<Open311KeyList> {
  requireAbility(ctx.actor, 'integrations.manage');
  const rows = await listKeysInScope(ctx.db, ctx.actor);
  return { items: rows.map((r) => presentKey(ctx.actor, r)) };
}
