import type { Ability, FieldIssue } from '@linli/contracts';
import { type Actor, hasAbility } from './actor.js';
import { AppError, forbidden, notFound } from './errors.js';

/** How a row is judged: `see` decides 404 (outside the actor's scope), `act` decides 403 (inside but not allowed). */
export type Authorization<T> = {
  see: (row: T) => boolean;
  act?: (row: T) => boolean;
  /** names the missing entity in the 404's details */
  entity?: string;
  /** the request field that named the row (a scope in a form): the 404 or 403 then points at it with this message */
  issue?: FieldIssue;
};

const located = (e: AppError, issue: FieldIssue | undefined) =>
  issue ? new AppError(e.code, issue.message, { ...e.details, issues: [issue] }) : e;

/**
 * The one access rule: a missing row or a row outside scope answers 404, a row in scope the actor may
 * not act on answers 403. Returns the row, narrowed.
 */
export function authorize<T>(row: T | null | undefined, rule: Authorization<T>): T {
  if (row === null || row === undefined || !rule.see(row)) throw located(notFound(rule.entity), rule.issue);
  if (rule.act && !rule.act(row)) throw located(forbidden(), rule.issue);
  return row;
}

/** 403 unless one of the actor's roles grants `ability` somewhere (for verbs before any row is loaded). */
export function requireAbility(actor: Actor, ability: Ability): void {
  if (!hasAbility(actor, ability)) throw forbidden();
}
