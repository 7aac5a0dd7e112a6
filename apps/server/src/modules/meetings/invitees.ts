import type { FieldIssue, InviteeInput } from '@linli/contracts';
import type { TxCtx } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { MEETING_MESSAGES as M } from './messages.js';
import { orgsOfStreet, residentsInCommunity } from './repo.js';

type Place = { communityId: string; streetId: string };

/** Checks invitees against the registry and the street's organisations (400 per field) and answers the rows to insert. */
export async function inviteeRows(tctx: TxCtx, place: Place, invitees: InviteeInput[], path = 'invitees') {
  const residentIds = invitees.flatMap((i) => (i.kind === 'resident' ? [i.residentId] : []));
  const orgIds = invitees.flatMap((i) => (i.kind === 'org' && i.orgId ? [i.orgId] : []));
  const residents = await residentsInCommunity(tctx.tx, residentIds, place.communityId);
  const orgs = await orgsOfStreet(tctx.tx, orgIds, place.streetId);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  invitees.forEach((i, n) => {
    const key = i.kind === 'resident' ? i.residentId : `${i.kind}:${i.kind === 'org' && i.orgId ? i.orgId : i.name}`;
    if (seen.has(key)) issues.push({ path: `${path}.${n}`, message: M.duplicateInvitee()[tctx.locale] });
    seen.add(key);
    if (i.kind === 'resident' && !residents.has(i.residentId))
      issues.push({ path: `${path}.${n}.residentId`, message: M.residentNotFound()[tctx.locale] });
    if (i.kind === 'org' && i.orgId && !orgs.has(i.orgId))
      issues.push({ path: `${path}.${n}.orgId`, message: M.orgNotFound()[tctx.locale] });
  });
  if (issues.length) throw invalid(issues);
  return invitees.map((i, position) => ({
    position,
    kind: i.kind,
    role: i.role,
    residentId: i.kind === 'resident' ? i.residentId : null,
    orgId: i.kind === 'org' ? (i.orgId ?? null) : null,
    name: i.kind === 'resident' ? null : i.name,
  }));
}
