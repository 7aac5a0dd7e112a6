import { authorize } from '../../core/authorize.js';
import type { TxCtx } from '../../core/context.js';
import { canRunProgramme, canSeeProgramme } from './policy.js';
import { type ProgrammeRow, lockProgramme } from './repo.js';

/** The programme locked for a write the actor may make: 404 outside their scope, 403 when they may only read it. */
export async function lockRunnableProgramme(tctx: TxCtx, id: string): Promise<ProgrammeRow> {
  return authorize(await lockProgramme(tctx.tx, id), {
    see: (p) => canSeeProgramme(tctx.actor, p),
    act: (p) => canRunProgramme(tctx.actor, p),
    entity: 'programme',
  });
}
