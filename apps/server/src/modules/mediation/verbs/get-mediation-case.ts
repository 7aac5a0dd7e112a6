import type { MediationCaseDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { caseDto } from '../access.js';

/** GET /api/mediation/cases/:id: the case for its mediators (parties in full) and the supervisors of its scope (parties masked). */
export async function getMediationCase({ ctx, input }: VerbArgs<{ id: string }>): Promise<MediationCaseDto> {
  return caseDto(ctx, ctx.db, input.id);
}
