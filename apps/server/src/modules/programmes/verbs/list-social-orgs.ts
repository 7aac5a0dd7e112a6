import type { SocialOrgListDto } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { canEditSocialOrg, socialOrgStreets } from '../policy.js';
import { presentWorker } from '../presenter.js';
import { listSocialOrgs, programmesRunBy, workersOf } from '../repo-social.js';

/** GET /api/social-orgs: the social organisations of the actor's streets, their social workers and the programmes they run. */
export async function listSocialOrganisations({ ctx }: VerbArgs): Promise<SocialOrgListDto> {
  requireAbility(ctx.actor, 'programmes.read');
  const orgs = await listSocialOrgs(ctx.db, socialOrgStreets(ctx.actor));
  const ids = orgs.map((o) => o.id);
  const [workers, run] = await Promise.all([workersOf(ctx.db, ids), programmesRunBy(ctx.db, ids)]);
  return {
    items: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      workers: workers.filter((w) => w.orgId === o.id).map(presentWorker),
      programmes: run.filter((p) => p.orgId === o.id).map(({ orgId: _o, ...p }) => p),
      abilities: { canAddWorker: canEditSocialOrg(ctx.actor, o) },
    })),
  };
}
