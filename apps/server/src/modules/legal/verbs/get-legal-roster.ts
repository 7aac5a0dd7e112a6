import type { LegalRosterDto, LegalRosterQuery } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { LEGAL_MESSAGES as M } from '../messages.js';
import { canReadRoster } from '../policy.js';
import { centerFor, dutySlotsOf, findCommunity } from '../repo.js';

/** GET /api/legal/roster: the legal service center serving a community (its own, else the street's) and its lawyers on duty. */
export async function getLegalRoster({ ctx, input }: VerbArgs<LegalRosterQuery>): Promise<LegalRosterDto> {
  const id = input.communityId ?? ctx.actor.assignments.find((a) => a.communityId)?.communityId;
  if (!id) throw invalid([{ path: 'communityId', message: M.communityRequired()[ctx.locale] }]);
  const community = authorize(await findCommunity(ctx.db, id), { see: (c) => canReadRoster(ctx.actor, c), entity: 'community' });
  const center = await centerFor(ctx.db, community);
  if (!center) return { center: null, slots: [] };
  const slots = await dutySlotsOf(ctx.db, center.id);
  return {
    center: { id: center.id, name: center.name, phone: center.phone },
    slots: slots.map((s) => ({
      id: s.id,
      weekday: s.weekday,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      lawyerName: s.lawyerName,
      firm: s.firm,
    })),
  };
}
