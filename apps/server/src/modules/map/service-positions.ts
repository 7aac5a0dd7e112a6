import type { FieldIssue, Locale, SiteMapDto, SitePositionsInput } from '@linli/contracts';
import { type Actor, type ScopedRow, canOn, levelKey } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, forbidden, invalid } from '../../core/errors.js';
import { MAP_MESSAGES } from './messages.js';
import { type MapPolicyNode, SITE_KINDS, canArrangeSite, canReadMap } from './policy.js';
import type { MapNodeRow } from './repo.js';
import { lockCommunityPositions, savePositions } from './site-repo.js';
import { loadSiteMap, visibleNode } from './service.js';

const canSee = (actor: Actor, node: MapPolicyNode) => canReadMap(actor, node) || canOn(actor, 'areas.read', node);

type Stored = Awaited<ReturnType<typeof lockCommunityPositions>>[number] & ScopedRow;

/** Field issues of an arrangement: buildings off the site, repeated, or landing on a cell another building keeps. */
export function positionIssues(site: MapNodeRow, community: Stored[], input: SitePositionsInput, locale: Locale): FieldIssue[] {
  const byId = new Map(community.map((b) => [b.id, b]));
  const key = levelKey(site.kind);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.positions.forEach((p, i) => {
    const b = byId.get(p.buildingId);
    if (!b || b[key] !== site.id) issues.push({ path: `positions.${i}.buildingId`, message: MAP_MESSAGES.notOnSite()[locale] });
    else if (seen.has(p.buildingId)) issues.push({ path: `positions.${i}.buildingId`, message: MAP_MESSAGES.repeated()[locale] });
    seen.add(p.buildingId);
  });
  if (issues.length > 0) return issues;
  const moved = new Map(input.positions.map((p) => [p.buildingId, p]));
  const cells = new Map<string, Stored[]>();
  for (const b of community) {
    const at = moved.get(b.id) ?? b;
    if (at.mapX === null || at.mapY === null) continue;
    const cell = `${at.mapX},${at.mapY}`;
    cells.set(cell, [...(cells.get(cell) ?? []), b]);
  }
  input.positions.forEach((p, i) => {
    const other = cells.get(`${p.mapX},${p.mapY}`)?.find((b) => b.id !== p.buildingId);
    if (other) issues.push({ path: `positions.${i}`, message: MAP_MESSAGES.cellTaken(other.name)[locale] });
  });
  return issues;
}

/** Puts buildings of a site on new grid cells (staff with areas.write); no two buildings of a community share a cell. */
export async function arrangeSite({ ctx, id, input }: { ctx: AuthedCtx; id: string; input: SitePositionsInput }): Promise<SiteMapDto> {
  const { actor, locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    const node = await visibleNode(tx, actor, id, 'areas.write', canSee);
    if (!SITE_KINDS.includes(node.kind) || !node.communityId) throw new AppError('NOT_FOUND');
    if (!canArrangeSite(actor, node)) throw forbidden();
    const community = await lockCommunityPositions(tx, node.communityId);
    const issues = positionIssues(node, community, input, locale);
    if (issues.length > 0) throw invalid(issues);
    await savePositions(tx, input.positions);
    await writeAudit(tx, ctx, {
      action: 'map.arrange',
      entityType: 'area',
      entityId: node.id,
      streetId: node.streetId,
      communityId: node.communityId,
      details: { moved: input.positions.length, buildingIds: input.positions.map((p) => p.buildingId) },
    });
    return loadSiteMap(tx, actor, node);
  });
}
