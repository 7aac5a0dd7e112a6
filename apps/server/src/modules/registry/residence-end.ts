import { writeAudit } from '../../core/audit.js';
import type { TxCtx } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { residentForWrite } from './access.js';
import { RESIDENT_FIELDS, diffFields, historyScope } from './history.js';
import { insertHistory, updateResidentRow } from './repo-write.js';
import { futureDateIssue, requireLiveResident } from './rules.js';

export type ResidenceEnd = { status: 'moved_out' | 'deceased'; date: string; reason?: string; action: 'move_out' | 'death' };

/** Ends a person's registration here, moved out (迁出) or deceased (死亡): status and date, history, audit. */
export async function endResidence(tctx: TxCtx, residentId: string, end: ResidenceEnd): Promise<void> {
  const r = await residentForWrite(tctx, residentId);
  requireLiveResident(r, tctx.locale, end.status);
  const bad = futureDateIssue(end.date, tctx.locale);
  if (bad) throw invalid([bad]);
  const patch = end.status === 'moved_out' ? { status: end.status, movedOutOn: end.date } : { status: end.status, diedOn: end.date };
  await updateResidentRow(tctx.tx, residentId, patch);
  const changes = diffFields(r, { ...patch, reason: end.reason ?? null }, [...RESIDENT_FIELDS, 'reason']);
  const scope = historyScope(r);
  await insertHistory(tctx.tx, tctx.actor, [
    { action: end.action, entityType: 'resident', entityId: residentId, householdId: r.householdId, scope, changes },
  ]);
  await writeAudit(tctx, {
    action: `registry.resident.${end.action}`,
    entityType: 'resident',
    entityId: residentId,
    ...scope,
    details: { householdId: r.householdId },
  });
}
