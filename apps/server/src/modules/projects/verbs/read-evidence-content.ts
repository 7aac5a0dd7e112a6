import type { Readable } from 'node:stream';
import type { VerbArgs } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import type { Storage } from '../../../core/storage.js';
import { loadProject } from '../access.js';
import { findEvidence } from '../repo.js';

export type EvidenceContent = { contentType: string; size: number; name: string; stream: Readable };

/** GET /api/projects/:id/evidence/:itemId/content: the file, for whoever sees the project. */
export async function readEvidenceContent({
  ctx,
  input,
}: VerbArgs<{ projectId: string; evidenceId: string; storage: Storage }>): Promise<EvidenceContent> {
  const p = await loadProject(ctx, ctx.db, input.projectId);
  const row = await findEvidence(ctx.db, p.id, input.evidenceId);
  if (!row?.storageKey || !row.contentType || row.size === null) throw notFound('evidence');
  const stream = await input.storage.get(row.storageKey);
  if (!stream) throw notFound('evidence');
  return { contentType: row.contentType, size: row.size, name: row.title, stream };
}
