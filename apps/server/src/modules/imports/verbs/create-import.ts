import fs from 'node:fs';
import path from 'node:path';
import type { ImportDto } from '@linli/contracts';
import { z } from 'zod';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { communityScope, importCommunity } from '../access.js';
import type { ImportSetup } from '../job-run.js';
import { FILE_MESSAGES } from '../messages.js';
import { defaultImportCommunity } from '../policy.js';
import { presentImport } from '../presenter.js';
import { insertJob } from '../repo.js';
import { scanUpload } from '../scan.js';
import { type Upload, rejection } from '../upload.js';
import { XlsxRejected } from '../xlsx-guard.js';

export type CreateImportInput = { upload: Upload; communityId: string | undefined; setup: ImportSetup };

/** POST /api/imports: checks a received register is a sane .xlsx, finds its header row and maps its columns; any refusal removes the file. */
export async function createImport({ ctx, input }: VerbArgs<CreateImportInput>): Promise<ImportDto> {
  const { upload, setup } = input;
  try {
    const communityId = z.uuid().safeParse(input.communityId ?? defaultImportCommunity(ctx.actor));
    if (!communityId.success) throw invalid([{ path: 'communityId', message: FILE_MESSAGES.communityOnly()[ctx.locale] }]);
    const community = await importCommunity(ctx.db, ctx.actor, communityId.data);
    const scope = communityScope(community);
    const scan = await scanUpload(upload.path, setup.limits);
    return await inTx(ctx, async (tctx) => {
      const job = await insertJob(tctx.tx, {
        ...scope,
        createdBy: ctx.actor.userId,
        fileName: upload.fileName,
        storedName: path.basename(upload.path),
        fileSize: upload.size,
        sha256: upload.sha256,
        ...scan,
      });
      await writeAudit(tctx, {
        action: 'registry.import_upload',
        entityType: 'import',
        entityId: job.id,
        streetId: scope.streetId,
        communityId: scope.communityId,
        details: { fileName: upload.fileName, bytes: upload.size, rows: scan.rowCount },
      });
      return presentImport(ctx.actor, job, ctx.locale);
    });
  } catch (e) {
    await fs.promises.rm(upload.path, { force: true });
    throw e instanceof XlsxRejected ? rejection(e, setup.limits, ctx.locale) : e;
  }
}
