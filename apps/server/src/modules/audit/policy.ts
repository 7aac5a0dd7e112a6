import { type Actor, hasAbility } from '../../core/actor.js';
import { coversEverything } from '../users/policy.js';

/** Roles with audit.read (system admin, street supervisor, community admin, evaluator) may read the log. */
export function canReadAudit(actor: Actor): boolean {
  return hasAbility(actor, 'audit.read');
}

/** A system admin reads every row; everybody else only rows of their scope. */
export function readsWholeAudit(actor: Actor): boolean {
  return coversEverything(actor, 'audit.read');
}
