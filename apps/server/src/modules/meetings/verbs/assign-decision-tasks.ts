import type { DecisionTasksInput, MeetingDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { type DecisionIds, actOnDecision } from '../decision-action.js';
import { insertTasks, setDecisionOutcome } from '../repo.js';

/** POST /api/meetings/:id/decisions/:decisionId/tasks: a follow-up task list whose progress the meeting shows; audited. */
export async function assignDecisionTasks({ ctx, input }: VerbArgs<DecisionTasksInput & DecisionIds>): Promise<MeetingDto> {
  return actOnDecision(
    ctx,
    input,
    'tasks',
    async () => input.tasks,
    async (tctx, { decision }, tasks) => {
      await insertTasks(
        tctx.tx,
        tasks.map((t, position) => ({ decisionId: decision.id, position, title: t.title, assignee: t.assignee, dueOn: t.dueOn })),
      );
      await setDecisionOutcome(tctx.tx, decision.id, { outcome: 'tasks', mediationCaseId: null });
      return { tasks: tasks.length };
    },
  );
}
