import type { CreateHandlerOrgInput, HandlerOrgDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid, isUniqueViolation } from '../../../core/errors.js';
import { lockNode } from '../../areas/repo.js';
import { ORG_MESSAGES } from '../messages.js';
import { canCreateOrgOn, canSeeOrgArea } from '../policy.js';
import { presentOrg } from '../presenter.js';
import { findOrg, insertOrg } from '../repo.js';

/** Attaches a new org to a street or community; needs orgs.write there. */
export async function createHandlerOrg({ ctx, input }: VerbArgs<CreateHandlerOrgInput>): Promise<HandlerOrgDto> {
  const { actor, locale } = ctx;
  requireAbility(actor, 'orgs.read');
  let id: string;
  try {
    id = await inTx(ctx, async (tctx) => {
      const found = authorize(await lockNode(tctx.tx, input.areaId, 'share'), { see: (a) => canSeeOrgArea(actor, a), entity: 'area' });
      if (found.kind !== 'street' && found.kind !== 'community')
        throw invalid([{ path: 'areaId', message: ORG_MESSAGES.areaKind()[locale] }]);
      const area = authorize(found, { see: () => true, act: (a) => canCreateOrgOn(actor, a) });
      const orgId = await insertOrg(tctx.tx, {
        kind: input.kind,
        name: input.name,
        phone: input.phone || null,
        areaId: area.id,
        districtId: area.districtId!,
        streetId: area.streetId!,
        communityId: area.communityId,
      });
      await writeAudit(tctx, {
        action: 'org.create',
        entityType: 'handler_org',
        entityId: orgId,
        streetId: area.streetId,
        communityId: area.communityId,
        details: { kind: input.kind, areaId: area.id },
      });
      return orgId;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const message = ORG_MESSAGES.nameTaken()[locale];
    throw conflict(message, { issues: [{ path: 'name', message }] });
  }
  return presentOrg(actor, (await findOrg(ctx.db, id))!);
}
