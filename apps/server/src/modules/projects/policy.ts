import { ROLE_ABILITIES, type ProjectAbility, Role, UNSCOPED_ROLE } from '@linli/contracts';
import { type Actor, type ScopedRow, assignmentsWith, covers, hasAbility } from '../../core/actor.js';

export type ProjectScope = ScopedRow & { streetId: string; communityId: string | null; providerOrgId: string; evaluatorIds: string[] };

/** Reading a project: projects.read over its buyer's area, or a provider's staff reading their own organisation's. */
export function canReadProject(actor: Actor, row: ProjectScope): boolean {
  return assignmentsWith(actor, 'projects.read').some((a) => (a.orgId ? a.orgId === row.providerOrgId : covers(a, row)));
}

/** A third-party evaluator assigned to the project: the only projects they see. */
export const isAssignedEvaluator = (actor: Actor, row: ProjectScope): boolean =>
  hasAbility(actor, 'projects.evaluate') && row.evaluatorIds.includes(actor.userId);

export const canSeeProject = (actor: Actor, row: ProjectScope): boolean => canReadProject(actor, row) || isAssignedEvaluator(actor, row);

/** The buyer manages it: projects.write over its area (a street's own project is the street's alone). */
export function canManageProject(actor: Actor, row: ScopedRow): boolean {
  return assignmentsWith(actor, 'projects.write').some((a) => !a.orgId && covers(a, row));
}

/** An area inside some area assignment of the actor (a buyer a form names: outside it answers 404, inside 403 when not allowed). */
export const isInActorArea = (actor: Actor, row: ScopedRow): boolean => actor.assignments.some((a) => !a.orgId && covers(a, row));

/** Evidence comes from the buyer or the provider's staff. */
export function canAddEvidence(actor: Actor, row: ProjectScope): boolean {
  return canManageProject(actor, row) || assignmentsWith(actor, 'projects.read').some((a) => a.orgId === row.providerOrgId);
}

/** Scoring: an assigned evaluator without a live (submitted, not reopened) evaluation. */
export const canEvaluate = (actor: Actor, row: ProjectScope, hasLive: boolean): boolean => isAssignedEvaluator(actor, row) && !hasLive;

export function projectAbilities(actor: Actor, row: ProjectScope, hasLive: boolean): ProjectAbility[] {
  const manage = canManageProject(actor, row);
  const out: ProjectAbility[] = [];
  if (manage) out.push('edit', 'assign', 'reopen');
  if (canAddEvidence(actor, row)) out.push('evidence');
  if (canEvaluate(actor, row, hasLive)) out.push('evaluate');
  return out;
}

/** The roles whose users may be assigned as evaluators (those holding projects.evaluate, never the admin). */
export const EVALUATOR_ROLES: Role[] = Role.options.filter((r) => r !== UNSCOPED_ROLE && ROLE_ABILITIES[r].includes('projects.evaluate'));

/** What a list may hold, for the repo's filter: every project, or those of these areas, providers and assignments. */
export type ProjectListScope =
  | { all: true }
  | { all: false; districts: string[]; streets: string[]; communities: string[]; providers: string[]; evaluatorId: string | null };

export function projectListScope(actor: Actor): ProjectListScope {
  const reads = assignmentsWith(actor, 'projects.read');
  if (reads.some((a) => a.role === UNSCOPED_ROLE)) return { all: true };
  const at = (kind: string) => reads.filter((a) => a.areaKind === kind && a.areaId).map((a) => a.areaId!);
  return {
    all: false,
    districts: at('district'),
    streets: at('street'),
    communities: at('community'),
    providers: reads.flatMap((a) => (a.orgId ? [a.orgId] : [])),
    evaluatorId: hasAbility(actor, 'projects.evaluate') ? actor.userId : null,
  };
}
