import type { MediationCaseDto } from '@linli/contracts';
import { authorize } from '../../core/authorize.js';
import type { AuthedCtx, TxCtx } from '../../core/context.js';
import { conflict } from '../../core/errors.js';
import type { Db, Tx } from '../../db/pool.js';
import { loadResidentsByIds } from '../registry/repo.js';
import { MEDIATION_MESSAGES as M } from './messages.js';
import { type CaseAccess, canSeeCase, isMediatorOf } from './policy.js';
import { presentCase } from './presenter.js';
import { type CaseWithMediators, agreementsOf, findAgreementCaseId, findCase, loadCaseParts } from './repo.js';

/** The case as `ctx.actor` may see it (404 outside their cases), presented. */
export async function caseDto(ctx: AuthedCtx, db: Db | Tx, id: string): Promise<MediationCaseDto> {
  const c = authorize(await findCase(db, id), { see: (row) => canSeeCase(ctx.actor, row), entity: 'mediation_case' });
  const parts = await loadCaseParts(db, c.id);
  const residentIds = parts.parties.flatMap((p) => (p.residentId ? [p.residentId] : []));
  const residents = new Map((await loadResidentsByIds(db, residentIds)).map((r) => [r.id, r]));
  return presentCase({ actor: ctx.actor, pii: ctx.pii, residents }, c, parts);
}

/**
 * Locks a case for a mediator's write: 404 outside the actor's cases, 403 for a supervisor who is not one of its
 * mediators, 409 when the case is not in the status the write needs (open unless told).
 */
export async function lockCaseForMediator(tctx: TxCtx, id: string, status: CaseAccess['status'] = 'open'): Promise<CaseWithMediators> {
  const c = authorize(await findCase(tctx.tx, id, true), {
    see: (row) => canSeeCase(tctx.actor, row),
    act: (row) => isMediatorOf(tctx.actor, row),
    entity: 'mediation_case',
  });
  if (c.status !== status) throw conflict(M.notOpen()[tctx.locale], { status: c.status });
  return c;
}

/** Locks an agreement's case for a mediator and returns both; 404 for an unknown agreement, 409 unless it is still a draft. */
export async function lockDraftAgreement(tctx: TxCtx, agreementId: string) {
  const caseId = await findAgreementCaseId(tctx.tx, agreementId);
  const c = await lockCaseForMediator(tctx, caseId ?? agreementId);
  const all = await agreementsOf(tctx.tx, c.id);
  const agreement = all.find((a) => a.id === agreementId)!;
  if (agreement.status !== 'draft') throw conflict(M.signedFrozen()[tctx.locale], { status: agreement.status });
  return { c, agreement, all };
}
