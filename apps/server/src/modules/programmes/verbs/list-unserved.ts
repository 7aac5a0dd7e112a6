import { type UnservedDto, type UnservedQuery, localDate } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { canSeeProgramme, unservedAbilities } from '../policy.js';
import { findProgrammeView, unservedResidents } from '../repo.js';

/** GET /api/programmes/:id/unserved: eligible people not yet served, in the actor's grids (or one grid), with what the actor may do for each. */
export async function listUnserved({ ctx, input }: VerbArgs<UnservedQuery & { programmeId: string }>): Promise<UnservedDto> {
  const programme = authorize(await findProgrammeView(ctx.db, input.programmeId), {
    see: (p) => canSeeProgramme(ctx.actor, p),
    entity: 'programme',
  });
  const found = await unservedResidents(ctx.db, ctx.actor, programme, { gridId: input.gridId, limit: input.limit, today: localDate() });
  return {
    programmeId: programme.id,
    total: found.total,
    items: found.items.map((r) => ({
      residentId: r.residentId,
      name: r.name,
      householdId: r.householdId,
      gridId: r.gridId,
      age: r.age,
      tags: r.tags,
      abilities: unservedAbilities(ctx.actor, programme, r),
    })),
  };
}
