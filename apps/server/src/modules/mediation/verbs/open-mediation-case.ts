import { type FieldIssue, MEDIATION_LIMIT_DAYS, type MediationCaseDto, type OpenMediationInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type TxCtx, type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { appendOrderEvent } from '../../orders/repo-events.js';
import { canReadOrder } from '../../orders/policy.js';
import { loadResidentsByIds } from '../../registry/repo.js';
import { caseDto } from '../access.js';
import { MEDIATION_MESSAGES as M } from '../messages.js';
import { canMediateIn, canOpenCaseIn } from '../policy.js';
import {
  findCommunityNode,
  findOrderScope,
  insertCase,
  insertParticipants,
  lockCaseNumbers,
  mediatorAssignments,
  nextCaseSeq,
} from '../repo.js';

type Community = NonNullable<Awaited<ReturnType<typeof findCommunityNode>>>;

async function placeOf(tctx: TxCtx, input: OpenMediationInput) {
  const { tx, actor, locale } = tctx;
  const order = input.orderId
    ? authorize(await findOrderScope(tx, input.orderId), { see: (o) => canReadOrder(actor, o), entity: 'order' })
    : undefined;
  const communityId = order?.communityId ?? input.communityId;
  if (!communityId) throw invalid([{ path: 'communityId', message: M.communityRequired()[locale] }]);
  const community = authorize(await findCommunityNode(tx, communityId), {
    see: (c) => canOpenCaseIn(actor, c) || (order !== undefined && canReadOrder(actor, order)),
    act: (c) => canOpenCaseIn(actor, c),
    entity: 'community',
  });
  return { order, community };
}

async function checkParticipants(tctx: TxCtx, input: OpenMediationInput, community: Community): Promise<void> {
  const { tx, locale } = tctx;
  const issues: FieldIssue[] = [];
  const residentIds = input.parties.flatMap((p) => (p.kind === 'resident' ? [p.residentId] : []));
  const found = new Map((await loadResidentsByIds(tx, residentIds)).map((r) => [r.id, r]));
  const seen = new Set<string>();
  input.parties.forEach((p, i) => {
    const key = p.kind === 'resident' ? p.residentId : `org:${p.name}`;
    if (seen.has(key)) issues.push({ path: `parties.${i}`, message: M.duplicateParty()[locale] });
    seen.add(key);
    if (p.kind === 'resident' && found.get(p.residentId)?.address.communityId !== community.id)
      issues.push({ path: `parties.${i}.residentId`, message: M.residentNotFound()[locale] });
  });
  const sides = new Set(input.parties.map((p) => p.side));
  if (sides.size < 2) issues.push({ path: 'parties', message: M.bothSides()[locale] });
  const assignments = await mediatorAssignments(tx, input.mediatorIds);
  input.mediatorIds.forEach((id, i) => {
    if (!assignments.some((a) => a.userId === id && canMediateIn(a, community)))
      issues.push({ path: `mediatorIds.${i}`, message: M.mediatorNotAllowed()[locale] });
  });
  if (issues.length) throw invalid(issues);
}

/** POST /api/mediation/cases: opens a case directly or from an order (which gets a timeline entry); due in a month; audited. */
export async function openMediationCase({ ctx, input }: VerbArgs<OpenMediationInput>): Promise<MediationCaseDto> {
  requireAbility(ctx.actor, 'mediation.use');
  return inTx(ctx, async (tctx) => {
    const { tx, actor } = tctx;
    const { order, community } = await placeOf(tctx, input);
    await checkParticipants(tctx, input, community);
    await lockCaseNumbers(tx, community.id);
    const now = new Date();
    const year = now.getUTCFullYear();
    const caseNo = `TJ${community.code}-${year}-${String(await nextCaseSeq(tx, community.id, year)).padStart(4, '0')}`;
    const row = await insertCase(tx, {
      caseNo,
      districtId: community.districtId!,
      streetId: community.streetId!,
      communityId: community.id,
      kind: input.kind,
      title: input.title,
      facts: input.facts,
      orderId: order?.id ?? null,
      openedAt: now,
      dueAt: new Date(now.getTime() + MEDIATION_LIMIT_DAYS * 86_400_000),
      openedBy: actor.userId,
    });
    await insertParticipants(
      tx,
      input.parties.map((p, position) => ({
        caseId: row.id,
        position,
        kind: p.kind,
        side: p.side,
        residentId: p.kind === 'resident' ? p.residentId : null,
        name: p.kind === 'org' ? p.name : null,
      })),
      input.mediatorIds.map((userId, i) => ({ caseId: row.id, userId, presiding: i === 0 })),
    );
    if (order) {
      const text = M.orderOpened(caseNo)[tctx.locale];
      await appendOrderEvent(tx, order, {
        kind: 'comment',
        actor: { id: actor.userId, name: actor.displayName },
        text,
        details: { mediationCaseId: row.id },
      });
    }
    await writeAudit(tctx, {
      action: 'mediation.open',
      entityType: 'mediation_case',
      entityId: row.id,
      streetId: row.streetId,
      communityId: row.communityId,
      details: { kind: input.kind, orderId: order?.id ?? null, parties: input.parties.length, mediators: input.mediatorIds.length },
    });
    return caseDto(tctx, tx, row.id);
  });
}
