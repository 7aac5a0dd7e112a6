import type { ProjectDto } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { type Storage, newStorageKey } from '../../../core/storage.js';
import { fileIssue, type ReceivedFile } from '../../attachments/receive.js';
import { loadProject } from '../access.js';
import { sniffEvidenceType } from '../evidence-file.js';
import { changeProject } from '../manage.js';
import { PROJECT_MESSAGES } from '../messages.js';
import { canAddEvidence } from '../policy.js';
import { insertEvidence } from '../repo.js';

export type UploadEvidenceInput = { projectId: string; title?: string; storage: Storage; receive: () => Promise<ReceivedFile> };

/** POST /api/projects/:id/evidence: a PDF or image of evidence; the body is read only after access is checked. */
export async function uploadEvidence({ ctx, input }: VerbArgs<UploadEvidenceInput>): Promise<ProjectDto> {
  const project = await loadProject(ctx, ctx.db, input.projectId);
  authorize(project, { see: () => true, act: (p) => canAddEvidence(ctx.actor, p) });
  const file = await input.receive();
  const contentType = sniffEvidenceType(file.data);
  if (!contentType) throw fileIssue(PROJECT_MESSAGES.fileType()[ctx.locale]);
  const storageKey = newStorageKey();
  await input.storage.put(storageKey, file.data);
  try {
    return await changeProject(ctx, input.projectId, {
      action: 'project.evidence',
      may: (p) => canAddEvidence(ctx.actor, p),
      apply: async (tctx, p) => {
        const title = input.title ?? file.name;
        const row = await insertEvidence(tctx.tx, {
          projectId: p.id,
          title,
          contentType,
          size: file.data.length,
          storageKey,
          createdBy: ctx.actor.userId,
        });
        return { evidenceId: row.id, file: true, contentType, size: row.size };
      },
    });
  } catch (e) {
    await input.storage.remove(storageKey);
    throw e;
  }
}
