import type { ProgrammeListDto, ProgrammeListQuery } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { presentProgramme } from '../presenter.js';
import { listProgrammeViews } from '../repo.js';

/** GET /api/programmes: the programmes in the actor's scope with their enrolment and attendance counts. */
export async function listProgrammes({ ctx, input }: VerbArgs<ProgrammeListQuery>): Promise<ProgrammeListDto> {
  requireAbility(ctx.actor, 'programmes.read');
  const rows = await listProgrammeViews(ctx.db, ctx.actor, input);
  return { items: rows.map((p) => presentProgramme(ctx.actor, p)) };
}
