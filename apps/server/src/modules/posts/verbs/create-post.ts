import { type CreatePostInput, type FieldIssue, POST_AREA_KINDS, POST_KIND_LABELS, type PostDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { canEditParty, canSeeParty } from '../../party/policy.js';
import { findArea, findPartyOrg, scopeOfArea } from '../../party/repo.js';
import { postView } from '../access.js';
import { POST_MESSAGES } from '../messages.js';
import { insertPost } from '../repo.js';

/** POST /api/posts: the community defines a post (设岗) on the area it covers, with its duties (定责). */
export async function createPost({ ctx, input }: VerbArgs<CreatePostInput>): Promise<PostDto> {
  requireAbility(ctx.actor, 'party.write');
  const area = authorize(await findArea(ctx.db, input.areaId), {
    see: (a) => canSeeParty(ctx.actor, a),
    act: (a) => canEditParty(ctx.actor, a),
    entity: 'area',
  });
  const issues: FieldIssue[] = [];
  if (!(POST_AREA_KINDS[input.kind] as readonly string[]).includes(area.kind))
    issues.push({ path: 'areaId', message: POST_MESSAGES.areaKindWrong()[ctx.locale] });
  const org = input.partyOrgId ? await findPartyOrg(ctx.db, input.partyOrgId) : null;
  if (input.partyOrgId && org?.communityId !== area.communityId)
    issues.push({ path: 'partyOrgId', message: POST_MESSAGES.orgElsewhere()[ctx.locale] });
  if (issues.length > 0) throw invalid(issues);
  const id = await inTx(ctx, async (tctx) => {
    const postId = await insertPost(tctx.tx, {
      kind: input.kind,
      title: input.title ?? POST_KIND_LABELS[input.kind]['zh-CN'],
      duties: input.duties,
      areaId: area.id,
      partyOrgId: org?.id ?? null,
      ...scopeOfArea(area),
    });
    await writeAudit(tctx, {
      action: 'post.create',
      entityType: 'post',
      entityId: postId,
      streetId: area.streetId,
      communityId: area.communityId,
      details: { kind: input.kind, areaId: area.id },
    });
    return postId;
  });
  return postView(ctx, id);
}
