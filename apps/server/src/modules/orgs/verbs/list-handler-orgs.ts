import type { HandlerOrgListDto, HandlerOrgListQuery } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { findNode } from '../../areas/repo.js';
import { presentOrg } from '../presenter.js';
import { listOrgsInScope } from '../repo.js';

/** Orgs serving the actor's areas (or their own org), optionally those serving one node: it, its community or street. */
export async function listHandlerOrgs({ ctx, input }: VerbArgs<HandlerOrgListQuery>): Promise<HandlerOrgListDto> {
  requireAbility(ctx.actor, 'orgs.read');
  let areaIds: string[] | undefined;
  if (input.areaId) {
    const area = await findNode(ctx.db, input.areaId);
    areaIds = area ? [area.id, area.streetId, area.communityId].filter((id): id is string => Boolean(id)) : [];
  }
  const rows = await listOrgsInScope(ctx.db, ctx.actor, { kind: input.kind, areaIds });
  return { items: rows.map((r) => presentOrg(ctx.actor, r)) };
}
