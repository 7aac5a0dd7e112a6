import type { Locale } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { setUserFields } from '../repo.js';

/** Saves the UI language so it follows the user to other devices. */
export async function setMyLocale({ ctx, input }: VerbArgs<{ locale: Locale }>): Promise<{ ok: true }> {
  await setUserFields(ctx.db, ctx.actor.userId, { locale: input.locale });
  return { ok: true };
}
