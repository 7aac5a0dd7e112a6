import { z } from 'zod';
import { AreaKind } from './areas.js';
import { AreaRef } from './area-dto.js';
import { PageQuery, paged } from './common.js';
import { type Text, text } from './locale.js';
import type { ResponsibleRole } from './map-dto.js';
import { HolderEvent, HolderStatus } from './post-machine.js';

/** 设岗定责 posts: 网格信息员, 楼栋长, 文明督导员, 红色驿站站长, or another the community names. */
export const PostKind = z.enum(['grid_info_officer', 'building_leader', 'civility_supervisor', 'red_post_keeper', 'other']);
export type PostKind = z.infer<typeof PostKind>;

export const POST_KIND_LABELS: Record<PostKind, Text> = {
  grid_info_officer: text('网格信息员', 'Grid information officer'),
  building_leader: text('楼栋长', 'Building leader'),
  civility_supervisor: text('文明督导员', 'Civility supervisor'),
  red_post_keeper: text('红色驿站站长', 'Red-post keeper'),
  other: text('其他岗位', 'Other post'),
};

/** The area kinds a post of each kind covers. */
export const POST_AREA_KINDS: Record<PostKind, readonly AreaKind[]> = {
  grid_info_officer: ['grid'],
  building_leader: ['building'],
  civility_supervisor: ['community', 'compound', 'grid', 'building'],
  red_post_keeper: ['building'],
  other: ['community', 'compound', 'grid', 'building'],
};

/** The posts whose holders the building map lists among a building's responsible people, and as what. */
export const POST_RESPONSIBLE_ROLES: Partial<Record<PostKind, ResponsibleRole>> = {
  building_leader: 'building_leader',
  red_post_keeper: 'red_post',
};

export const PostHolderDto = z.object({
  id: z.uuid(),
  status: HolderStatus,
  memberId: z.uuid().nullable(),
  residentId: z.uuid().nullable(),
  name: z.string(),
  since: z.string(),
  /** the moves the viewer may make now */
  events: z.array(HolderEvent),
  canLog: z.boolean(),
});
export type PostHolderDto = z.infer<typeof PostHolderDto>;

export const PostAbilities = z.object({ canEdit: z.boolean(), canAssign: z.boolean(), canClaim: z.boolean() });

export const PostDto = z
  .object({
    id: z.uuid(),
    kind: PostKind,
    title: z.string(),
    duties: z.string(),
    area: AreaRef,
    communityId: z.uuid(),
    partyOrgId: z.uuid().nullable(),
    active: z.boolean(),
    /** the live holding (claimed or held), null when the post is open */
    holder: PostHolderDto.nullable(),
    abilities: PostAbilities,
  })
  .meta({ id: 'Post' });
export type PostDto = z.infer<typeof PostDto>;

export const PostState = z.enum(['open', 'claimed', 'held']);
export type PostState = z.infer<typeof PostState>;

export const PostListQuery = PageQuery.extend({
  communityId: z.uuid().optional(),
  /** posts covering this area or anything inside it */
  areaId: z.uuid().optional(),
  kind: PostKind.optional(),
  state: PostState.optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type PostListQuery = z.infer<typeof PostListQuery>;

export const PostListDto = paged(PostDto).extend({ canCreate: z.boolean() });
export type PostListDto = z.infer<typeof PostListDto>;

export const CreatePostInput = z.object({
  kind: PostKind,
  /** defaults to the kind's label */
  title: z.string().trim().min(1).max(60).optional(),
  duties: z.string().trim().min(1).max(1000),
  areaId: z.uuid(),
  partyOrgId: z.uuid().nullable().default(null),
});
export type CreatePostInput = z.infer<typeof CreatePostInput>;

export const UpdatePostInput = z.object({
  title: z.string().trim().min(1).max(60).optional(),
  duties: z.string().trim().min(1).max(1000).optional(),
  /** a switched-off post takes no new claims */
  active: z.boolean().optional(),
});
export type UpdatePostInput = z.infer<typeof UpdatePostInput>;

/** Staff assign a post: to a party member, or (building leaders and the like) to a resident who is not one. */
export const AssignPostInput = z.object({ memberId: z.uuid().optional(), residentId: z.uuid().optional() });
export type AssignPostInput = z.infer<typeof AssignPostInput>;

export const MoveHolderInput = z.object({ event: HolderEvent, note: z.string().trim().max(200).optional() });
export type MoveHolderInput = z.infer<typeof MoveHolderInput>;

export const DutyLogDto = z
  .object({
    id: z.uuid(),
    holderId: z.uuid(),
    postId: z.uuid(),
    postTitle: z.string(),
    holderName: z.string(),
    on: z.iso.date(),
    hours: z.number(),
    content: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'DutyLog' });
export type DutyLogDto = z.infer<typeof DutyLogDto>;

export const CreateDutyLogInput = z.object({
  on: z.iso.date(),
  /** half hours, up to a long day */
  hours: z.number().multipleOf(0.5).min(0.5).max(16),
  content: z.string().trim().min(1).max(1000),
});
export type CreateDutyLogInput = z.infer<typeof CreateDutyLogInput>;

export const DutyLogListDto = z.object({ items: z.array(DutyLogDto), totalHours: z.number() });
export type DutyLogListDto = z.infer<typeof DutyLogListDto>;

/** What a party member sees on their phone: their holdings, and the open posts of their community. */
export const MyPostsDto = z.object({
  member: z.object({ id: z.uuid(), name: z.string(), communityId: z.uuid(), hours: z.number() }).nullable(),
  holdings: z.array(PostDto),
  open: z.array(PostDto),
});
export type MyPostsDto = z.infer<typeof MyPostsDto>;

export const CoverageQuery = z.object({ communityId: z.uuid().optional() });
export type CoverageQuery = z.infer<typeof CoverageQuery>;

const CoveredArea = z.object({
  id: z.uuid(),
  name: z.string(),
  /** for buildings: compound and grid names */
  compoundName: z.string().nullable(),
  gridName: z.string().nullable(),
  /** who holds a post on it: kind and name */
  holders: z.array(z.object({ kind: PostKind, name: z.string(), status: HolderStatus })),
});

/** Who holds what and where: a grid is covered by a held post on it, a building by a held building post. */
export const CoverageDto = z
  .object({
    communityId: z.uuid(),
    byKind: z.array(z.object({ kind: PostKind, posts: z.number().int(), held: z.number().int(), claimed: z.number().int() })),
    grids: z.array(CoveredArea.extend({ covered: z.boolean() })),
    buildings: z.array(CoveredArea.extend({ covered: z.boolean() })),
  })
  .meta({ id: 'PostCoverage' });
export type CoverageDto = z.infer<typeof CoverageDto>;
