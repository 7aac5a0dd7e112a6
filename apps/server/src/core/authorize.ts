import type { Ability } from '@linli/contracts';
import { type Actor, hasAbility } from './actor.js';
import { forbidden, notFound } from './errors.js';

/** How a row is judged: `see` decides 404 (outside the actor's scope), `act` decides 403 (inside but not allowed). */
export type Authorization<T> = {
  see: (row: T) => boolean;
  act?: (row: T) => boolean;
  /** names the missing entity in the 404's details */
  entity?: string;
};

/**
 * The one access rule: a missing row or a row outside scope answers 404, a row in scope the actor may
 * not act on answers 403. Returns the row, narrowed.
 */
export function authorize<T>(row: T | null | undefined, rule: Authorization<T>): T {
  if (row === null || row === undefined || !rule.see(row)) throw notFound(rule.entity);
  if (rule.act && !rule.act(row)) throw forbidden();
  return row;
}

/** 403 unless one of the actor's roles grants `ability` somewhere (for verbs before any row is loaded). */
export function requireAbility(actor: Actor, ability: Ability): void {
  if (!hasAbility(actor, ability)) throw forbidden();
}
