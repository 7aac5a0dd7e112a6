import type { MeetingList, MeetingQuery } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { presentMeetingItem } from '../presenter.js';
import { listMeetings as listRows } from '../repo.js';

/** GET /api/meetings: the meetings of the actor's scope, newest first. */
export async function listMeetings({ ctx, input }: VerbArgs<MeetingQuery>): Promise<MeetingList> {
  requireAbility(ctx.actor, 'meetings.read');
  const { items, total } = await listRows(ctx.db, ctx.actor, input);
  return { items: items.map(presentMeetingItem), total, page: input.page, pageSize: input.pageSize };
}
