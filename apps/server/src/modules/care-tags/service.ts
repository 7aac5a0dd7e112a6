import type { CareTagDto, CareTagInput, CareTagListDto, CareTagQuery } from '@linli/contracts';
import { type Actor, assignmentsWith, hasAbility } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, forbidden, invalid } from '../../core/errors.js';
import type { Db, Tx } from '../../db/pool.js';
import { CARE_TAG_MESSAGES } from './messages.js';
import { canEditCareTags, canReadCareTags } from './policy.js';
import { defaultCareTag, isBuiltInTag, mergeCareTags, presentSetting } from './presenter.js';
import { type CommunityRef, findCommunity, loadCareTagSettings, lockCareTagSetting, upsertCareTagSetting } from './repo.js';

/** The tags a community uses: the defaults with its own settings laid over them. */
export async function careTagsOf(db: Db | Tx, communityId: string): Promise<CareTagDto[]> {
  return mergeCareTags(await loadCareTagSettings(db, [communityId]));
}

/** The named community if the actor may read its tags; without one, the actor's only community (null when several or none). */
async function resolveCommunity(db: Db, actor: Actor, communityId: string | undefined): Promise<CommunityRef | null> {
  if (!hasAbility(actor, 'registry.read')) throw forbidden();
  let id = communityId;
  if (!id) {
    const own = new Set(assignmentsWith(actor, 'registry.read').map((a) => a.communityId));
    if (own.size !== 1 || own.has(null)) return null;
    id = [...own][0]!;
  }
  const community = await findCommunity(db, id);
  if (!community || !canReadCareTags(actor, community)) throw new AppError('NOT_FOUND');
  return community;
}

/** GET /api/care-tags: a community's tags (or the defaults when no community applies), with whether the actor may change them. */
export async function listCareTags({ ctx, input }: { ctx: AuthedCtx; input: CareTagQuery }): Promise<CareTagListDto> {
  const community = await resolveCommunity(ctx.db, ctx.actor, input.communityId);
  if (!community) return { communityId: null, items: mergeCareTags([]), canEdit: false };
  return {
    communityId: community.id,
    items: await careTagsOf(ctx.db, community.id),
    canEdit: canEditCareTags(ctx.actor, community),
  };
}

/** PUT /api/care-tags/:code: changes a built-in tag for one community, or adds or changes one of its own. */
export async function setCareTag({
  ctx,
  code,
  communityId,
  input,
}: {
  ctx: AuthedCtx;
  code: string;
  communityId: string | undefined;
  input: CareTagInput;
}): Promise<CareTagDto> {
  const community = await resolveCommunity(ctx.db, ctx.actor, communityId);
  if (!community) throw invalid([{ path: 'communityId', message: CARE_TAG_MESSAGES.communityRequired()[ctx.locale] }]);
  if (!canEditCareTags(ctx.actor, community)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const existing = await lockCareTagSetting(tx, community.id, code);
    const current = existing ? presentSetting(existing) : isBuiltInTag(code) ? defaultCareTag(code) : null;
    if (!current && !input.labelZh) throw invalid([{ path: 'labelZh', message: CARE_TAG_MESSAGES.labelRequired()[ctx.locale] }]);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as CareTagInput;
    const next: CareTagDto = {
      code,
      labelZh: input.labelZh ?? current?.labelZh ?? '',
      labelEn: input.labelEn ?? current?.labelEn ?? input.labelZh ?? '',
      color: input.color ?? current?.color ?? '#8c8c8c',
      appliesTo: input.appliesTo ?? current?.appliesTo ?? 'both',
      visitEveryDays: input.visitEveryDays !== undefined ? input.visitEveryDays : (current?.visitEveryDays ?? null),
      builtIn: isBuiltInTag(code),
      active: input.active ?? current?.active ?? true,
    };
    await upsertCareTagSetting(tx, {
      communityId: community.id,
      streetId: community.streetId!,
      districtId: community.districtId!,
      code,
      labelZh: next.labelZh,
      labelEn: next.labelEn,
      color: next.color,
      appliesTo: next.appliesTo,
      visitEveryDays: next.visitEveryDays,
      active: next.active,
    });
    await writeAudit(tx, ctx, {
      action: 'care_tag.update',
      entityType: 'care_tag',
      entityId: existing?.id,
      streetId: community.streetId,
      communityId: community.id,
      details: { code, created: !current, fields: Object.keys(given) },
    });
    return next;
  });
}
