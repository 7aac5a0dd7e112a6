import type { CreateProgrammeInput, ProgrammeDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { findCommunity } from '../../care-tags/repo.js';
import { PROGRAMME_MESSAGES } from '../messages.js';
import { canRunProgramme, canSeeProgramme } from '../policy.js';
import { presentProgramme } from '../presenter.js';
import { findProgrammeView, findProviderOrg, insertProgramme } from '../repo.js';

/** POST /api/programmes: a community's new care programme with its provider, venue and eligibility. */
export async function createProgramme({ ctx, input }: VerbArgs<CreateProgrammeInput>): Promise<ProgrammeDto> {
  const found = await findCommunity(ctx.db, input.communityId);
  const community = authorize(found && { ...found, communityId: found.id }, {
    see: (c) => canSeeProgramme(ctx.actor, c),
    act: (c) => canRunProgramme(ctx.actor, c),
    entity: 'community',
  });
  return inTx(ctx, async (tctx) => {
    if (input.providerOrgId && !(await findProviderOrg(tctx.tx, input.providerOrgId, community.streetId!))) {
      throw invalid([{ path: 'providerOrgId', message: PROGRAMME_MESSAGES.providerUnknown()[ctx.locale] }]);
    }
    const row = await insertProgramme(tctx.tx, {
      ...input,
      communityId: community.id,
      streetId: community.streetId!,
      districtId: community.districtId!,
    });
    await writeAudit(tctx, {
      action: 'programme.create',
      entityType: 'programme',
      entityId: row.id,
      streetId: row.streetId,
      communityId: row.communityId,
      details: { kind: row.kind },
    });
    return presentProgramme(ctx.actor, (await findProgrammeView(tctx.tx, row.id))!);
  });
}
