import { type EnrolInput, type EnrolmentDto, type FieldIssue, localDate } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { canOn } from '../../../core/actor.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type TxCtx, type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { isEligible } from '../eligibility.js';
import { PROGRAMME_MESSAGES } from '../messages.js';
import { canEnrolResident, canRunProgramme, canSeeProgramme } from '../policy.js';
import { countLiveEnrolments, findResidentForEnrolment, insertEnrolment, lockProgramme, lockVisit, updateVisitNeeds } from '../repo.js';

export type EnrolResidentInput = EnrolInput & { programmeId: string };

const fail = (tctx: TxCtx, path: string, key: keyof typeof PROGRAMME_MESSAGES): never => {
  const issue: FieldIssue = { path, message: PROGRAMME_MESSAGES[key]()[tctx.locale] };
  throw invalid([issue]);
};

/** Sets the visit's need to `ordered`: the need found on a visit (走访) became this enrolment. */
async function markNeedOrdered(tctx: TxCtx, input: EnrolResidentInput, householdId: string): Promise<void> {
  if (!input.visitId) return;
  const visit = await lockVisit(tctx.tx, input.visitId, householdId);
  if (!visit) return fail(tctx, 'visitId', 'visitUnknown');
  const index = input.needIndex ?? 0;
  if (!visit.needs[index]) return fail(tctx, 'needIndex', 'needUnknown');
  await updateVisitNeeds(
    tctx.tx,
    visit.id,
    visit.needs.map((n, i) => (i === index ? { ...n, status: 'ordered' } : n)),
  );
}

/**
 * POST /api/programmes/:id/enrolments: enrols an eligible resident of the programme's community (capacity held under a
 * row lock); those who run it enrol anyone there, a grid worker the residents of their own grid.
 */
export async function enrolResident({ ctx, input }: VerbArgs<EnrolResidentInput>): Promise<EnrolmentDto> {
  requireAbility(ctx.actor, 'programmes.read');
  return inTx(ctx, async (tctx) => {
    const programme = authorize(await lockProgramme(tctx.tx, input.programmeId), {
      see: (p) => canSeeProgramme(ctx.actor, p),
      entity: 'programme',
    });
    const day = input.enrolledOn ?? localDate();
    const resident = await findResidentForEnrolment(tctx.tx, input.residentId, day);
    if (!canRunProgramme(ctx.actor, programme)) {
      // a grid worker enrolling from the unserved list: a resident outside their grid is not theirs to see (404)
      authorize(resident, {
        see: (r) => canOn(ctx.actor, 'registry.read', r),
        act: (r) => canEnrolResident(ctx.actor, programme, r),
        entity: 'resident',
      });
    }
    if (!resident || resident.communityId !== programme.communityId) return fail(tctx, 'residentId', 'residentUnknown');
    if (!isEligible(programme, resident)) return fail(tctx, 'residentId', 'notEligible');
    if (programme.capacity !== null && (await countLiveEnrolments(tctx.tx, programme.id)) >= programme.capacity) {
      return fail(tctx, 'residentId', 'full');
    }
    const row = await insertEnrolment(tctx.tx, {
      programmeId: programme.id,
      residentId: resident.id,
      householdId: resident.householdId,
      communityId: resident.communityId,
      streetId: resident.streetId,
      districtId: resident.districtId,
      gridId: resident.gridId,
      enrolledOn: day,
      visitId: input.visitId ?? null,
    });
    if (!row) return fail(tctx, 'residentId', 'alreadyEnrolled');
    await markNeedOrdered(tctx, input, resident.householdId);
    await writeAudit(tctx, {
      action: 'programme.enrol',
      entityType: 'programme',
      entityId: programme.id,
      streetId: programme.streetId,
      communityId: programme.communityId,
      details: { enrolmentId: row.id, residentId: resident.id, visitId: input.visitId ?? null },
    });
    return {
      id: row.id,
      programmeId: programme.id,
      residentId: resident.id,
      residentName: resident.name,
      householdId: resident.householdId,
      enrolledOn: row.enrolledOn,
    };
  });
}
