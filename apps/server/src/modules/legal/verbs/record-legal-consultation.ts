import type { ConsultationDto, ConsultationInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { LEGAL_MESSAGES as M } from '../messages.js';
import { canUseCenter, canUseLegal, ownLegalCommunity } from '../policy.js';
import { presentConsultation } from '../presenter.js';
import { findCommunity, findConsultation, findOrg, findResidentScope, insertConsultation } from '../repo.js';

/** POST /api/legal/consultations: a consultation at a legal service center (topic, question, advice); audited. */
export async function recordLegalConsultation({ ctx, input }: VerbArgs<ConsultationInput>): Promise<ConsultationDto> {
  requireAbility(ctx.actor, 'legal.use');
  return inTx(ctx, async (tctx) => {
    const { tx, actor, locale } = tctx;
    const org = authorize(await findOrg(tx, input.orgId), { see: (o) => canUseCenter(actor, o), entity: 'org' });
    if (org.kind !== 'legal_center') throw invalid([{ path: 'orgId', message: M.notLegalCenter()[locale] }]);
    if (input.consultedOn > new Date().toISOString().slice(0, 10))
      throw invalid([{ path: 'consultedOn', message: M.futureDate()[locale] }]);
    const resident = input.residentId ? await findResidentScope(tx, input.residentId) : undefined;
    if (input.residentId && (!resident || !canUseLegal(actor, resident)))
      throw invalid([{ path: 'residentId', message: M.residentNotFound()[locale] }]);
    const communityId = resident?.communityId ?? org.communityId ?? ownLegalCommunity(actor);
    if (!communityId) throw invalid([{ path: 'residentId', message: M.communityRequired()[locale] }]);
    const community = authorize(await findCommunity(tx, communityId), {
      see: (c) => canUseLegal(actor, c),
      entity: 'community',
    });
    const id = await insertConsultation(tx, {
      orgId: org.id,
      districtId: community.districtId!,
      streetId: community.streetId!,
      communityId: community.id,
      consultedOn: input.consultedOn,
      topic: input.topic,
      question: input.question,
      advice: input.advice,
      lawyerName: input.lawyerName,
      residentId: resident?.id ?? null,
      recordedBy: actor.userId,
    });
    await writeAudit(tctx, {
      action: 'legal_consultation.create',
      entityType: 'legal_consultation',
      entityId: id,
      streetId: community.streetId,
      communityId: community.id,
      details: { topic: input.topic, orgId: org.id, resident: Boolean(resident) },
    });
    return presentConsultation((await findConsultation(tx, id))!);
  });
}
