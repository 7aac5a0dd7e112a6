import type { Locale } from '@linli/contracts';
import { invalid } from '../../core/errors.js';
import type { Tx } from '../../db/pool.js';
import { ATTACHMENT_MESSAGES } from './messages.js';
import { claimUnused } from './repo.js';

export type ClaimInput = { ids: string[]; ownerId: string; orderId: string; eventId: number };

/**
 * Links the owner's unclaimed uploads to an order event inside the caller's transaction; any id that is unknown,
 * someone else's or already used fails the whole claim with a field error on `attachmentIds`.
 */
export async function claimAttachments(tx: Tx, input: ClaimInput, locale: Locale = 'zh-CN'): Promise<void> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return;
  const claimed = await claimUnused(tx, { ...input, ids });
  if (claimed.length !== ids.length) throw invalid([{ path: 'attachmentIds', message: ATTACHMENT_MESSAGES.unknown()[locale] }]);
}
