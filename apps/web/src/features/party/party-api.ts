import {
  type AssignPostInput,
  CoverageDto,
  type CreateDutyLogInput,
  type CreatePartyMemberInput,
  type CreatePartyOrgInput,
  type CreatePostInput,
  type MemberAccountInput,
  DutyLogDto,
  DutyLogListDto,
  type HolderEvent,
  MyPostsDto,
  OkBody,
  PartyFiguresDto,
  PartyMemberDto,
  PartyMemberListDto,
  type PartyMemberListQuery,
  PartyOrgDto,
  PartyResidentHitsDto,
  PartyRevealDto,
  PartyTreeDto,
  PostDto,
  PostListDto,
  type PostListQuery,
  type UpdatePartyMemberInput,
  type UpdatePartyOrgInput,
} from '@linli/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const partyKeys = {
  all: ['party'] as const,
  tree: (communityId?: string) => ['party', 'tree', communityId ?? null] as const,
  members: (q: Partial<PartyMemberListQuery>) => ['party', 'members', q] as const,
  figures: (communityId?: string) => ['party', 'figures', communityId ?? null] as const,
  posts: (q: Partial<PostListQuery>) => ['party', 'posts', q] as const,
  coverage: (communityId?: string) => ['party', 'coverage', communityId ?? null] as const,
  mine: ['party', 'mine'] as const,
  logs: (holderId: string) => ['party', 'logs', holderId] as const,
};

export const usePartyTree = (communityId?: string) =>
  useQuery({ queryKey: partyKeys.tree(communityId), queryFn: () => api.get('/api/party/tree', PartyTreeDto, { communityId }) });

export const usePartyMembers = (q: Partial<PartyMemberListQuery>) =>
  useQuery({
    queryKey: partyKeys.members(q),
    queryFn: () => api.get('/api/party/members', PartyMemberListDto, q),
    placeholderData: keepPreviousData,
  });

export const usePartyFigures = (communityId?: string) =>
  useQuery({ queryKey: partyKeys.figures(communityId), queryFn: () => api.get('/api/party/figures', PartyFiguresDto, { communityId }) });

export const usePosts = (q: Partial<PostListQuery>) =>
  useQuery({ queryKey: partyKeys.posts(q), queryFn: () => api.get('/api/posts', PostListDto, q), placeholderData: keepPreviousData });

export const useCoverage = (communityId?: string, enabled = true) =>
  useQuery({
    queryKey: partyKeys.coverage(communityId),
    queryFn: () => api.get('/api/posts/coverage', CoverageDto, { communityId }),
    enabled,
  });

export const useMyPosts = () => useQuery({ queryKey: partyKeys.mine, queryFn: () => api.get('/api/posts/mine', MyPostsDto) });

export const useDutyLogs = (holderId: string | null) =>
  useQuery({
    queryKey: partyKeys.logs(holderId ?? ''),
    queryFn: () => api.get(`/api/post-holders/${holderId}/logs`, DutyLogListDto),
    enabled: Boolean(holderId),
  });

/** Every party write refreshes every party read: the tree's figures, the lists and the coverage move together. */
function usePartyMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: partyKeys.all }) });
}

export const useCreateOrg = () => usePartyMutation((input: CreatePartyOrgInput) => api.post('/api/party/orgs', input, PartyOrgDto));
export const useUpdateOrg = () =>
  usePartyMutation(({ id, ...input }: UpdatePartyOrgInput & { id: string }) => api.patch(`/api/party/orgs/${id}`, input, PartyOrgDto));
export const useDeleteOrg = () => usePartyMutation((id: string) => api.del(`/api/party/orgs/${id}`, OkBody));
export const useCreateMember = () =>
  usePartyMutation((input: Partial<CreatePartyMemberInput> & { orgId: string }) => api.post('/api/party/members', input, PartyMemberDto));
export const useCreatePost = () => usePartyMutation((input: CreatePostInput) => api.post('/api/posts', input, PostDto));
export const useAssignPost = () =>
  usePartyMutation(({ id, ...input }: AssignPostInput & { id: string }) => api.post(`/api/posts/${id}/holders`, input, PostDto));
export const useClaimPost = () => usePartyMutation((id: string) => api.post(`/api/posts/${id}/claim`, {}, PostDto));
export const useMoveHolder = () =>
  usePartyMutation(({ holderId, event }: { holderId: string; event: HolderEvent }) =>
    api.post(`/api/post-holders/${holderId}/moves`, { event }, PostDto),
  );
export const useLogDuty = () =>
  usePartyMutation(({ holderId, ...input }: CreateDutyLogInput & { holderId: string }) =>
    api.post(`/api/post-holders/${holderId}/logs`, input, DutyLogDto),
  );
export const useUpdateMember = () =>
  usePartyMutation(({ id, ...input }: UpdatePartyMemberInput & { id: string }) =>
    api.patch(`/api/party/members/${id}`, input, PartyMemberDto),
  );
export const useOpenAccount = () =>
  usePartyMutation(({ id, ...input }: MemberAccountInput & { id: string }) =>
    api.post(`/api/party/members/${id}/account`, input, PartyMemberDto),
  );
/** The phone in full: a mutation, never a cached query, so the answer lives only in the dialog showing it. */
export const revealMember = (id: string, reason: string) => api.post(`/api/party/members/${id}/reveal`, { reason }, PartyRevealDto);
/** Residents of the community to register (name, age and building: party organisers read no registry). */
export const searchPartyResidents = (communityId: string, q: string) =>
  api.get('/api/party/residents', PartyResidentHitsDto, { communityId, q });
export const useOwnMembership = () =>
  useQuery({ queryKey: ['party', 'me'], queryFn: () => api.get('/api/party/members/me', PartyMemberDto), retry: false });
