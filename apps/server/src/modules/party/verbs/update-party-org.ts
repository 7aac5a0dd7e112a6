import type { FieldIssue, PartyOrgDto, UpdatePartyOrgInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type AuthedCtx, type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import type { Tx } from '../../../db/pool.js';
import { PARTY_MESSAGES } from '../messages.js';
import { partyOrgView } from '../org-view.js';
import { isAreaWithin, placementIssues } from '../placement.js';
import { canEditParty, canSeeParty } from '../policy.js';
import {
  type PartyOrgRow,
  findArea,
  findAreas,
  findPartyOrg,
  listCommunityOrgs,
  lockPartyOrg,
  subtreeIds,
  updatePartyOrgRow,
} from '../repo.js';
import { isActiveMemberIn } from '../repo-members.js';

/** Issues of moving an organisation to another area: it must fit its level, its parent's area and hold its children's. */
async function areaIssues(tctx: AuthedCtx & { tx: Tx }, org: PartyOrgRow, areaId: string): Promise<FieldIssue[]> {
  const area = authorize(await findArea(tctx.tx, areaId), {
    see: (a) => canSeeParty(tctx.actor, a) && a.communityId === org.communityId,
    entity: 'area',
  });
  const parent = org.parentId ? await findPartyOrg(tctx.tx, org.parentId) : undefined;
  const parentArea = parent ? await findArea(tctx.tx, parent.areaId) : undefined;
  const issues = placementIssues(org.kind, parent && parentArea ? { kind: parent.kind, area: parentArea } : null, area, tctx.locale);
  if (issues.length > 0) return issues;
  const children = (await listCommunityOrgs(tctx.tx, org.communityId)).filter((o) => o.parentId === org.id);
  const childAreas = await findAreas(
    tctx.tx,
    children.map((c) => c.areaId),
  );
  if (childAreas.some((c) => !isAreaWithin(c, area))) return [{ path: 'areaId', message: PARTY_MESSAGES.childOutsideArea()[tctx.locale] }];
  return [];
}

/** PATCH /api/party/orgs/:id: renames an organisation, moves it to another area, or names its secretary. */
export async function updatePartyOrg({ ctx, input }: VerbArgs<UpdatePartyOrgInput & { id: string }>): Promise<PartyOrgDto> {
  const { id, ...fields } = input;
  requireAbility(ctx.actor, 'party.write');
  const updated = await inTx(ctx, async (tctx) => {
    const org = authorize(await lockPartyOrg(tctx.tx, id), {
      see: (o) => canSeeParty(ctx.actor, o),
      act: (o) => canEditParty(ctx.actor, o),
      entity: 'party_org',
    });
    const issues = fields.areaId && fields.areaId !== org.areaId ? await areaIssues(tctx, org, fields.areaId) : [];
    if (fields.secretaryMemberId && !(await isActiveMemberIn(tctx.tx, fields.secretaryMemberId, await subtreeIds(tctx.tx, org.id))))
      issues.push({ path: 'secretaryMemberId', message: PARTY_MESSAGES.secretaryNotMember()[ctx.locale] });
    if (issues.length > 0) throw invalid(issues);
    const area = fields.areaId ? await findArea(tctx.tx, fields.areaId) : undefined;
    const row = await updatePartyOrgRow(tctx.tx, org.id, {
      name: fields.name,
      secretaryMemberId: fields.secretaryMemberId,
      ...(area ? { areaId: area.id, compoundId: area.compoundId, gridId: area.gridId, buildingId: area.buildingId } : {}),
    });
    await writeAudit(tctx, {
      action: 'party_org.update',
      entityType: 'party_org',
      entityId: row.id,
      streetId: row.streetId,
      communityId: row.communityId,
      details: { fields: Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined) },
    });
    return row;
  });
  return partyOrgView(ctx, updated.communityId, updated.id);
}
