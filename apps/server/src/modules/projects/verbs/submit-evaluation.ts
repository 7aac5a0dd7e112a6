import { type ProjectDto, type SubmitEvaluationInput, weightedScore } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { conflict, invalid, isUniqueViolation } from '../../../core/errors.js';
import { changeProject } from '../manage.js';
import { PROJECT_MESSAGES } from '../messages.js';
import { isAssignedEvaluator } from '../policy.js';
import { insertEvaluation } from '../repo-evaluation.js';

/**
 * POST /api/projects/:id/evaluations: an assigned evaluator scores every criterion once; the row is then locked. A
 * second submit (even a concurrent one) answers 409: the project row is locked and a unique index backs it.
 */
export async function submitEvaluation({ ctx, input }: VerbArgs<SubmitEvaluationInput & { projectId: string }>): Promise<ProjectDto> {
  const m = PROJECT_MESSAGES;
  return changeProject(ctx, input.projectId, {
    action: 'project.evaluate',
    may: (p) => isAssignedEvaluator(ctx.actor, p),
    apply: async (tctx, p) => {
      const byKey = new Map(input.scores.map((s) => [s.key, s]));
      const complete =
        byKey.size === input.scores.length && input.scores.length === p.scorecard.length && p.scorecard.every((c) => byKey.has(c.key));
      if (!complete) throw invalid([{ path: 'scores', message: m.scoresIncomplete()[ctx.locale] }]);
      const scores = p.scorecard.map((c) => byKey.get(c.key)!);
      const total = weightedScore(p.scorecard, Object.fromEntries(scores.map((s) => [s.key, s.score])));
      const row = await insertEvaluation(tctx.tx, {
        projectId: p.id,
        evaluatorId: ctx.actor.userId,
        scores,
        comment: input.comment,
        total,
      }).catch((e: unknown) => {
        if (isUniqueViolation(e)) throw conflict(m.alreadySubmitted()[ctx.locale]);
        throw e;
      });
      return { evaluationId: row.id, total };
    },
  });
}
