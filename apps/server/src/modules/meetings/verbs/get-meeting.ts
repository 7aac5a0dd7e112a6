import type { MeetingDto } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { meetingDto } from '../access.js';

/** GET /api/meetings/:id: the meeting with attendance, minutes and each decision's live progress. */
export async function getMeeting({ ctx, input }: VerbArgs<{ id: string }>): Promise<MeetingDto> {
  requireAbility(ctx.actor, 'meetings.read');
  return meetingDto(ctx, ctx.db, input.id);
}
