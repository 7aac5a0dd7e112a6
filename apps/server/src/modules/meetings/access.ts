import type { MeetingDto } from '@linli/contracts';
import { authorize } from '../../core/authorize.js';
import type { AuthedCtx, TxCtx } from '../../core/context.js';
import { conflict } from '../../core/errors.js';
import type { Db, Tx } from '../../db/pool.js';
import { MEETING_MESSAGES as M } from './messages.js';
import { canRunMeeting, canSeeMeeting } from './policy.js';
import { presentMeeting } from './presenter.js';
import { type MeetingWithCounts, findMeeting, loadMeetingParts } from './repo.js';

/** The meeting as `ctx.actor` may see it (404 outside their scope), presented. */
export async function meetingDto(ctx: AuthedCtx, db: Db | Tx, id: string): Promise<MeetingDto> {
  const m = authorize(await findMeeting(db, id), { see: (row) => canSeeMeeting(ctx.actor, row), entity: 'meeting' });
  return presentMeeting(ctx.actor, m, await loadMeetingParts(db, m.id));
}

/**
 * Locks a meeting for a write: 404 outside the actor's scope, 403 for a reader, 409 when the meeting is not in one
 * of `statuses` (closed meetings change only where a verb says so).
 */
export async function lockMeetingForWrite(
  tctx: TxCtx,
  id: string,
  statuses: readonly MeetingWithCounts['status'][] = ['draft', 'held'],
): Promise<MeetingWithCounts> {
  const m = authorize(await findMeeting(tctx.tx, id, true), {
    see: (row) => canSeeMeeting(tctx.actor, row),
    act: (row) => canRunMeeting(tctx.actor, row),
    entity: 'meeting',
  });
  if (!statuses.includes(m.status)) throw conflict((m.status === 'closed' ? M.closed() : M.notHeld())[tctx.locale], { status: m.status });
  return m;
}
