import type { CreateSocialWorkerInput, SocialWorkerDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { canEditSocialOrg, canSeeSocialOrg } from '../policy.js';
import { presentWorker } from '../presenter.js';
import { findSocialOrg, insertSocialWorker } from '../repo-social.js';

/** POST /api/social-orgs/:id/workers: registers a social worker of the organisation with their qualification. */
export async function addSocialWorker({ ctx, input }: VerbArgs<CreateSocialWorkerInput & { orgId: string }>): Promise<SocialWorkerDto> {
  const org = authorize(await findSocialOrg(ctx.db, input.orgId), {
    see: (o) => canSeeSocialOrg(ctx.actor, o),
    act: (o) => canEditSocialOrg(ctx.actor, o),
    entity: 'organisation',
  });
  return inTx(ctx, async (tctx) => {
    const row = await insertSocialWorker(tctx.tx, {
      orgId: org.id,
      streetId: org.streetId,
      districtId: org.districtId,
      name: input.name,
      qualification: input.qualification,
      certificateNo: input.certificateNo,
    });
    await writeAudit(tctx, {
      action: 'social_worker.create',
      entityType: 'social_worker',
      entityId: row.id,
      streetId: org.streetId,
      communityId: org.communityId,
      details: { orgId: org.id, qualification: row.qualification },
    });
    return presentWorker(row);
  });
}
