import type { CreateDutyLogInput, DutyLogDto, FieldIssue } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, forbidden, invalid } from '../../../core/errors.js';
import { chinaDate } from '../../party/access.js';
import { viewerOf } from '../access.js';
import { POST_MESSAGES } from '../messages.js';
import { canLogDuty, canReadDutyLog } from '../policy.js';
import { findHolder, insertDutyLog, listDutyLogRows, lockPost } from '../repo.js';
import { presentDutyLog } from './list-duty-logs.js';

/** POST /api/post-holders/:id/logs: the holder (from their phone) or an organiser records what was done on a day. */
export async function createDutyLog({ ctx, input }: VerbArgs<CreateDutyLogInput & { holderId: string }>): Promise<DutyLogDto> {
  const { holderId, ...entry } = input;
  const t = (m: 'futureDate' | 'beforeHolding' | 'notHeld') => POST_MESSAGES[m]()[ctx.locale];
  const id = await inTx(ctx, async (tctx) => {
    const viewer = await viewerOf(tctx.tx, ctx.actor);
    const holder = await findHolder(tctx.tx, holderId);
    const post = holder ? await lockPost(tctx.tx, holder.postId) : undefined;
    const found = authorize(holder && post ? { holder, post } : undefined, {
      see: ({ holder: h, post: p }) => canReadDutyLog(viewer, p, h),
      entity: 'post_holder',
    });
    if (found.holder.status !== 'active') throw conflict(t('notHeld'));
    if (!canLogDuty(viewer, found.post, found.holder)) throw forbidden();
    const since = chinaDate(found.holder.confirmedAt ?? found.holder.claimedAt);
    const issues: FieldIssue[] = [];
    if (entry.on > chinaDate()) issues.push({ path: 'on', message: t('futureDate') });
    else if (entry.on < since) issues.push({ path: 'on', message: t('beforeHolding') });
    if (issues.length > 0) throw invalid(issues);
    const logId = await insertDutyLog(tctx.tx, {
      holderId: found.holder.id,
      postId: found.post.id,
      memberId: found.holder.memberId,
      on: entry.on,
      hours: entry.hours,
      content: entry.content,
      createdBy: ctx.actor.userId,
      communityId: found.post.communityId,
      streetId: found.post.streetId,
      districtId: found.post.districtId,
    });
    await writeAudit(tctx, {
      action: 'duty_log.create',
      entityType: 'duty_log',
      entityId: logId,
      streetId: found.post.streetId,
      communityId: found.post.communityId,
      details: { holderId: found.holder.id, hours: entry.hours },
    });
    return logId;
  });
  const rows = await listDutyLogRows(ctx.db, holderId);
  return presentDutyLog(rows.find((r) => r.id === id)!);
}
