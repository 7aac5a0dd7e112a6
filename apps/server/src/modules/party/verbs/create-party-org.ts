import type { CreatePartyOrgInput, PartyOrgDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid } from '../../../core/errors.js';
import { PARTY_MESSAGES } from '../messages.js';
import { partyOrgView } from '../org-view.js';
import { placementIssues } from '../placement.js';
import { canEditParty, canSeeParty } from '../policy.js';
import { findArea, findRoot, insertPartyOrg, lockPartyOrg, scopeOfArea } from '../repo.js';

/** POST /api/party/orgs: adds an organisation under a parent (or a community's root), bound to an area inside the parent's. */
export async function createPartyOrg({ ctx, input }: VerbArgs<CreatePartyOrgInput>): Promise<PartyOrgDto> {
  requireAbility(ctx.actor, 'party.write');
  const rule = { see: (r: { communityId: string | null }) => canSeeParty(ctx.actor, r), act: (r: object) => canEditParty(ctx.actor, r) };
  const created = await inTx(ctx, async (tctx) => {
    const parent = input.parentId ? authorize(await lockPartyOrg(tctx.tx, input.parentId), { ...rule, entity: 'party_org' }) : null;
    const area = authorize(await findArea(tctx.tx, input.areaId), { ...rule, entity: 'area' });
    const parentArea = parent ? await findArea(tctx.tx, parent.areaId) : null;
    const issues = placementIssues(input.kind, parent && parentArea ? { kind: parent.kind, area: parentArea } : null, area, ctx.locale);
    if (issues.length > 0) throw invalid(issues);
    if (!parent && (await findRoot(tctx.tx, area.communityId!))) throw conflict(PARTY_MESSAGES.rootExists()[ctx.locale]);
    const row = await insertPartyOrg(tctx.tx, {
      kind: input.kind,
      name: input.name,
      parentId: parent?.id ?? null,
      areaId: area.id,
      ...scopeOfArea(area),
    });
    await writeAudit(tctx, {
      action: 'party_org.create',
      entityType: 'party_org',
      entityId: row.id,
      streetId: row.streetId,
      communityId: row.communityId,
      details: { kind: row.kind, parentId: row.parentId, areaId: row.areaId },
    });
    return row;
  });
  return partyOrgView(ctx, created.communityId, created.id);
}
