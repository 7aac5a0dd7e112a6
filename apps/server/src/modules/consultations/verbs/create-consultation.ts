import { ELIGIBILITY_AREA_KINDS, OWNER_TOPIC_KINDS, type VoteTopicDto, type VoteTopicInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { viewTopic } from '../access.js';
import { CONSULTATION_MESSAGES as M } from '../messages.js';
import { canManageConsultation } from '../policy.js';
import { findArea, findConsultation, insertConsultation } from '../repo.js';

/** POST /api/consultations: puts a topic with its options, quorum and closing time to a compound, building or the representatives. */
export async function createConsultation({ ctx, input }: VerbArgs<VoteTopicInput>): Promise<VoteTopicDto> {
  requireAbility(ctx.actor, 'consultations.manage');
  const { actor, locale } = ctx;
  const keys = input.options.map((o) => o.key);
  if (new Set(keys).size !== keys.length) throw invalid([{ path: 'options', message: M.duplicateOption()[locale] }]);
  const closesAt = new Date(input.closesAt);
  if (closesAt <= new Date()) throw invalid([{ path: 'closesAt', message: M.closesInPast()[locale] }]);
  if (input.eligibility === 'owners' && !OWNER_TOPIC_KINDS.includes(input.kind))
    throw invalid([{ path: 'kind', message: M.ownersOnly()[locale] }]);
  return inTx(ctx, async (tctx) => {
    const area = authorize(await findArea(tctx.tx, input.areaId), {
      see: (a) => a.communityId !== null && canManageConsultation(actor, a),
      entity: 'area',
      issue: { path: 'areaId', message: M.wrongArea()[locale] },
    });
    if (!(ELIGIBILITY_AREA_KINDS[input.eligibility] as readonly string[]).includes(area.kind))
      throw invalid([{ path: 'areaId', message: M.wrongArea()[locale] }]);
    const id = await insertConsultation(tctx.tx, {
      districtId: area.districtId!,
      streetId: area.streetId!,
      communityId: area.communityId!,
      areaId: area.id,
      compoundId: area.kind === 'compound' ? area.id : area.compoundId,
      buildingId: area.kind === 'building' ? area.id : null,
      title: input.title,
      description: input.description,
      kind: input.kind,
      eligibility: input.eligibility,
      options: input.options,
      quorum: input.quorum,
      closesAt,
      createdBy: actor.userId,
    });
    await writeAudit(tctx, {
      action: 'consultation.create',
      entityType: 'consultation',
      entityId: id,
      streetId: area.streetId,
      communityId: area.communityId,
      details: { eligibility: input.eligibility, areaId: area.id, options: keys.length, quorum: input.quorum },
    });
    return viewTopic(tctx.tx, actor, null, (await findConsultation(tctx.tx, id))!);
  });
}
