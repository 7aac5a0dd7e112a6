import type { OrgProjectHistoryDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { summarise } from '../access.js';
import { canReadProject } from '../policy.js';
import { findProviderOrg, listProviderProjects } from '../repo.js';

/** GET /api/social-orgs/:id/projects: every project of a provider the reader sees, oldest first, with its result. */
export async function orgProjectHistory({ ctx, input }: VerbArgs<{ orgId: string }>): Promise<OrgProjectHistoryDto> {
  const org = await findProviderOrg(ctx.db, input.orgId);
  if (!org) throw notFound('org');
  const views = (await listProviderProjects(ctx.db, org.id)).filter((v) => canReadProject(ctx.actor, v));
  if (
    views.length === 0 &&
    !canReadProject(ctx.actor, {
      districtId: org.districtId,
      streetId: org.streetId,
      communityId: null,
      providerOrgId: org.id,
      evaluatorIds: [],
    })
  )
    throw notFound('org');
  views.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return { org: { id: org.id, name: org.name }, items: await summarise(ctx.db, views) };
}
