import type { Actor } from '../../core/actor.js';
import { coversEverything } from '../users/policy.js';

/** A system admin reads every row; everybody else with audit.read only rows of their scope. */
export function readsWholeAudit(actor: Actor): boolean {
  return coversEverything(actor, 'audit.read');
}
