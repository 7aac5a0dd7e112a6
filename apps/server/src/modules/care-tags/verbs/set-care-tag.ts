import { type CareTagDto, type CareTagInput, defaultCareTag } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { careTagCommunity } from '../access.js';
import { CARE_TAG_MESSAGES } from '../messages.js';
import { canEditCareTags } from '../policy.js';
import { isBuiltInTag, presentSetting } from '../presenter.js';
import { lockCareTagSetting, upsertCareTagSetting } from '../repo.js';

export type SetCareTagInput = CareTagInput & { code: string; communityId: string | undefined };

/** PUT /api/care-tags/:code: changes a built-in tag for one community, or adds or changes one of its own. */
export async function setCareTag({ ctx, input }: VerbArgs<SetCareTagInput>): Promise<CareTagDto> {
  const { code, communityId, ...fields } = input;
  const found = await careTagCommunity(ctx.db, ctx.actor, communityId);
  if (!found) throw invalid([{ path: 'communityId', message: CARE_TAG_MESSAGES.communityRequired()[ctx.locale] }]);
  const community = authorize(found, { see: () => true, act: (c) => canEditCareTags(ctx.actor, c) });
  return inTx(ctx, async (tctx) => {
    const existing = await lockCareTagSetting(tctx.tx, community.id, code);
    const current = existing ? presentSetting(existing) : isBuiltInTag(code) ? defaultCareTag(code) : null;
    if (!current && !fields.labelZh) throw invalid([{ path: 'labelZh', message: CARE_TAG_MESSAGES.labelRequired()[ctx.locale] }]);
    const given = Object.keys(fields).filter((k) => fields[k as keyof CareTagInput] !== undefined);
    const next: CareTagDto = {
      code,
      labelZh: fields.labelZh ?? current?.labelZh ?? '',
      labelEn: fields.labelEn ?? current?.labelEn ?? fields.labelZh ?? '',
      color: fields.color ?? current?.color ?? '#8c8c8c',
      appliesTo: fields.appliesTo ?? current?.appliesTo ?? 'both',
      visitEveryDays: fields.visitEveryDays !== undefined ? fields.visitEveryDays : (current?.visitEveryDays ?? null),
      builtIn: isBuiltInTag(code),
      active: fields.active ?? current?.active ?? true,
    };
    await upsertCareTagSetting(tctx.tx, {
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
    await writeAudit(tctx, {
      action: 'care_tag.update',
      entityType: 'care_tag',
      entityId: existing?.id,
      streetId: community.streetId,
      communityId: community.id,
      details: { code, created: !current, fields: given },
    });
    return next;
  });
}
