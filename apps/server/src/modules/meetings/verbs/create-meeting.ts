import type { CreateMeetingInput, MeetingDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { meetingDto } from '../access.js';
import { inviteeRows } from '../invitees.js';
import { MEETING_MESSAGES as M } from '../messages.js';
import { canRunMeeting, canSeeMeeting } from '../policy.js';
import { findCommunity, insertMeeting, replaceInvitees } from '../repo.js';

/** POST /api/meetings: calls a meeting of a community with its agenda and invitees (a draft); audited. */
export async function createMeeting({ ctx, input }: VerbArgs<CreateMeetingInput>): Promise<MeetingDto> {
  requireAbility(ctx.actor, 'meetings.write');
  return inTx(ctx, async (tctx) => {
    const node = await findCommunity(tctx.tx, input.communityId);
    const place = node && { communityId: node.id, streetId: node.streetId!, districtId: node.districtId!, kind: input.kind };
    const community = authorize(place, {
      see: (c) => canSeeMeeting(tctx.actor, c),
      act: (c) => canRunMeeting(tctx.actor, c),
      entity: 'community',
      issue: { path: 'communityId', message: M.notACommunity()[tctx.locale] },
    });
    const invitees = await inviteeRows(tctx, community, input.invitees);
    const id = await insertMeeting(tctx.tx, {
      communityId: community.communityId,
      streetId: community.streetId,
      districtId: community.districtId,
      kind: input.kind,
      title: input.title,
      startsAt: new Date(input.startsAt),
      place: input.place,
      agenda: input.agenda,
      createdBy: tctx.actor.userId,
    });
    await replaceInvitees(tctx.tx, id, invitees);
    await writeAudit(tctx, {
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: id,
      streetId: community.streetId,
      communityId: community.communityId,
      details: { kind: input.kind, invitees: invitees.length },
    });
    return meetingDto(tctx, tctx.tx, id);
  });
}
