import type { LedgerDto } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { canSeeVolunteer } from '../policy.js';
import { presentLedger, presentVolunteer } from '../presenter.js';
import { findVolunteer, findVolunteerByUser, ledgerOf, starThresholds } from '../repo.js';

/** GET /api/volunteers/:id/ledger (or `me`): every service record of a volunteer, with hours and star level. */
export async function getVolunteerLedger({ ctx, input }: VerbArgs<{ id: string }>): Promise<LedgerDto> {
  const found = input.id === 'me' ? await findVolunteerByUser(ctx.db, ctx.actor.userId) : await findVolunteer(ctx.db, input.id);
  const v = authorize(found, { see: (row) => canSeeVolunteer(ctx.actor, row), entity: 'volunteer' });
  const thresholds = await starThresholds(ctx.db, v.communityId);
  return presentLedger(presentVolunteer(ctx.actor, ctx.pii, v, thresholds), await ledgerOf(ctx.db, v.id), thresholds);
}
