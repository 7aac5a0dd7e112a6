import type { EvaluatorOptionsDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { loadProject } from '../access.js';
import { EVALUATOR_ROLES } from '../policy.js';
import { evaluatorCandidates } from '../repo-evaluation.js';

/** GET /api/projects/:id/evaluator-options: the third-party evaluators of the project's area, for the buyer to assign. */
export async function listEvaluatorOptions({ ctx, input }: VerbArgs<{ projectId: string }>): Promise<EvaluatorOptionsDto> {
  const p = await loadProject(ctx, ctx.db, input.projectId, true);
  return { items: await evaluatorCandidates(ctx.db, p, EVALUATOR_ROLES) };
}
