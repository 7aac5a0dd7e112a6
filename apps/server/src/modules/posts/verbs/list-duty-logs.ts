import type { DutyLogDto, DutyLogListDto } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { viewerOf } from '../access.js';
import { canReadDutyLog } from '../policy.js';
import { findHolder, findPost, listDutyLogRows } from '../repo.js';

type LogRow = Awaited<ReturnType<typeof listDutyLogRows>>[number];

export function presentDutyLog(r: LogRow): DutyLogDto {
  return { ...r, createdAt: r.createdAt.toISOString() };
}

/** GET /api/post-holders/:id/logs: a holding's duty log, newest first, with its hours; for the holder and party staff. */
export async function listDutyLogs({ ctx, input }: VerbArgs<{ holderId: string }>): Promise<DutyLogListDto> {
  const viewer = await viewerOf(ctx.db, ctx.actor);
  const holder = await findHolder(ctx.db, input.holderId);
  const post = holder ? await findPost(ctx.db, holder.postId) : undefined;
  const found = authorize(holder && post ? { holder, post } : undefined, {
    see: ({ holder: h, post: p }) => canReadDutyLog(viewer, p, h),
    entity: 'post_holder',
  });
  const rows = await listDutyLogRows(ctx.db, found.holder.id);
  return { items: rows.map(presentDutyLog), totalHours: rows.reduce((s, r) => s + r.hours, 0) };
}
