import type { ProgrammeDto, UpdateProgrammeInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type TxCtx, type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { lockRunnableProgramme } from '../access.js';
import { PROGRAMME_MESSAGES } from '../messages.js';
import { presentProgramme } from '../presenter.js';
import { type ProgrammeRow, countLiveEnrolments, findProgrammeView, findProviderOrg, updateProgrammeRow } from '../repo.js';

export type UpdateProgrammeArgs = UpdateProgrammeInput & { programmeId: string };

/** The fields of the edit that break a rule once merged with the stored programme, as field issues. */
async function problemsOf(tctx: TxCtx, p: ProgrammeRow, input: UpdateProgrammeInput) {
  const at = (path: string, key: 'providerUnknown' | 'agesReversed' | 'belowEnrolled') => ({
    path,
    message: PROGRAMME_MESSAGES[key]()[tctx.locale],
  });
  const issues = [];
  if (input.providerOrgId && !(await findProviderOrg(tctx.tx, input.providerOrgId, p.streetId)))
    issues.push(at('providerOrgId', 'providerUnknown'));
  const minAge = input.minAge === undefined ? p.minAge : input.minAge;
  const maxAge = input.maxAge === undefined ? p.maxAge : input.maxAge;
  if (minAge !== null && maxAge !== null && minAge > maxAge) issues.push(at('maxAge', 'agesReversed'));
  if (input.capacity && input.capacity < (await countLiveEnrolments(tctx.tx, p.id))) issues.push(at('capacity', 'belowEnrolled'));
  return issues;
}

/** PATCH /api/programmes/:id: corrects a programme's kind, name, provider, venue or eligibility; the changed fields are audited. */
export async function updateProgramme({ ctx, input }: VerbArgs<UpdateProgrammeArgs>): Promise<ProgrammeDto> {
  const { programmeId, ...changes } = input;
  return inTx(ctx, async (tctx) => {
    const programme = await lockRunnableProgramme(tctx, programmeId);
    const issues = await problemsOf(tctx, programme, changes);
    if (issues.length > 0) throw invalid(issues);
    const changed = Object.fromEntries(
      Object.entries(changes).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(programme[k as keyof ProgrammeRow])),
    );
    if (Object.keys(changed).length > 0) await updateProgrammeRow(tctx.tx, programme.id, changed);
    await writeAudit(tctx, {
      action: 'programme.update',
      entityType: 'programme',
      entityId: programme.id,
      streetId: programme.streetId,
      communityId: programme.communityId,
      details: { changed: Object.keys(changed) },
    });
    return presentProgramme(ctx.actor, (await findProgrammeView(tctx.tx, programme.id))!);
  });
}
