import type { EvidenceNoteInput, ProjectDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { changeProject } from '../manage.js';
import { canAddEvidence } from '../policy.js';
import { insertEvidence } from '../repo.js';

/** POST /api/projects/:id/notes: a written piece of evidence, by the buyer or the provider's staff. */
export async function addEvidenceNote({ ctx, input }: VerbArgs<EvidenceNoteInput & { projectId: string }>): Promise<ProjectDto> {
  return changeProject(ctx, input.projectId, {
    action: 'project.evidence',
    may: (p) => canAddEvidence(ctx.actor, p),
    apply: async (tctx, p) => {
      const row = await insertEvidence(tctx.tx, { projectId: p.id, title: input.title, note: input.note, createdBy: ctx.actor.userId });
      return { evidenceId: row.id, file: false };
    },
  });
}
