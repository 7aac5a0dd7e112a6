import { type FieldIssue, ORG_SCOPED_ROLES, type RoleAssignmentInput } from '@linli/contracts';
import type { ScopedRow } from '../../core/actor.js';
import { authorize } from '../../core/authorize.js';
import type { TxCtx } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { USER_MESSAGES, type UserMessage } from './messages.js';
import { canGrant, canWriteUsersAt } from './policy.js';
import { type NewAssignment, selectAreaScopes, selectOrgScopes } from './repo.js';

export type ResolvedAssignment = NewAssignment & { target: ScopedRow };

function shapeIssue(a: RoleAssignmentInput): { field: 'areaId' | 'orgId'; message: UserMessage } | null {
  if (a.areaId && a.orgId) return { field: 'orgId', message: 'oneScope' };
  if (a.orgId && !ORG_SCOPED_ROLES.includes(a.role)) return { field: 'orgId', message: 'orgNotAllowed' };
  if (!a.areaId && !a.orgId) return { field: 'areaId', message: 'areaRequired' };
  return null;
}

/**
 * Checks requested assignments against rows loaded in the transaction: bad shape → 400, an area or org
 * outside the actor's users.write scope (or missing) → 404 like any out-of-scope row, a role the actor
 * may not grant there → 403. Duplicates collapse into one.
 */
export async function resolveAssignments(tctx: TxCtx, inputs: readonly RoleAssignmentInput[]): Promise<ResolvedAssignment[]> {
  const { actor, locale } = tctx;
  const at = (i: number, field: string, message: UserMessage): FieldIssue => ({
    path: `assignments.${i}.${field}`,
    message: USER_MESSAGES[message]()[locale],
  });
  const issues = inputs.flatMap((a, i) => {
    const bad = shapeIssue(a);
    return bad ? [at(i, bad.field, bad.message)] : [];
  });
  if (issues.length > 0) throw invalid(issues);

  const [areas, orgs] = await Promise.all([
    selectAreaScopes(tctx.tx, [...new Set(inputs.flatMap((a) => (a.areaId ? [a.areaId] : [])))]),
    selectOrgScopes(tctx.tx, [...new Set(inputs.flatMap((a) => (a.orgId ? [a.orgId] : [])))]),
  ]);
  const targets = new Map<string, ScopedRow>([...areas, ...orgs].map(({ id, ...row }) => [id, row]));
  const seen = new Set<string>();
  const resolved: ResolvedAssignment[] = [];
  inputs.forEach((a, i) => {
    const field = a.areaId ? 'areaId' : 'orgId';
    const target = authorize(targets.get((a.areaId ?? a.orgId)!), {
      see: (t) => canWriteUsersAt(actor, t),
      entity: a.areaId ? 'area' : 'handler_org',
      issue: at(i, field, 'scopeNotFound'),
    });
    authorize(target, { see: () => true, act: (t) => canGrant(actor, { role: a.role, target: t }), issue: at(i, 'role', 'cannotGrant') });
    const key = `${a.role}:${a.areaId ?? ''}:${a.orgId ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    resolved.push({ role: a.role, areaId: a.areaId ?? null, orgId: a.orgId ?? null, target });
  });
  return resolved;
}

/** What an audit row records of granted assignments: ids only. */
export const auditAssignments = (list: readonly ResolvedAssignment[]) => list.map(({ role, areaId, orgId }) => ({ role, areaId, orgId }));

/** The street and community an audit row about these scopes belongs to: the one they all share, else none. */
export function sharedScope(rows: readonly ScopedRow[]): { streetId: string | null; communityId: string | null } {
  const shared = (key: 'streetId' | 'communityId') => {
    const ids = new Set(rows.map((r) => r[key] ?? null));
    const [only] = ids;
    return ids.size === 1 && only ? only : null;
  };
  return { streetId: shared('streetId'), communityId: shared('communityId') };
}
