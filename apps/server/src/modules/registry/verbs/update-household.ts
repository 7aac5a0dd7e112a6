import type { HouseholdDto, UpdateHouseholdInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { careTagsOf } from '../../care-tags/repo.js';
import { householdForWrite } from '../access.js';
import { householdCard } from '../cards.js';
import { HOUSEHOLD_FIELDS, diffFields, historyScope } from '../history.js';
import { insertHistory, updateHouseholdRow } from '../repo-write.js';
import { requireLiveHousehold, tagIssue } from '../rules.js';

/** Changes a household's tenure or tags. */
export async function updateHousehold({ ctx, input }: VerbArgs<UpdateHouseholdInput & { householdId: string }>): Promise<HouseholdDto> {
  const { householdId: id, ...fields } = input;
  await inTx(ctx, async (tctx) => {
    const h = await householdForWrite(tctx, id);
    requireLiveHousehold(h, ctx.locale);
    const tags = await careTagsOf(tctx.tx, h.communityId);
    const issue = tagIssue(fields.tags, h.tags, tags, 'household', { path: 'tags', locale: ctx.locale });
    if (issue) throw invalid([issue]);
    const next = { tenure: fields.tenure ?? h.tenure, tags: fields.tags ? [...new Set(fields.tags)] : h.tags };
    const changes = diffFields(h, next, HOUSEHOLD_FIELDS);
    if (changes.length === 0) return;
    await updateHouseholdRow(tctx.tx, id, next);
    const scope = historyScope(h);
    await insertHistory(tctx.tx, ctx.actor, [{ action: 'update', entityType: 'household', entityId: id, householdId: id, scope, changes }]);
    await writeAudit(tctx, {
      action: 'registry.household.update',
      entityType: 'household',
      entityId: id,
      ...scope,
      details: { fields: changes.map((c) => c.field) },
    });
  });
  return householdCard(ctx, id);
}
