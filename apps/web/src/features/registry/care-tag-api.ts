import { CareTagDto, CareTagListDto, defaultCareTags, type CareTagInput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api';

export const careTagKeys = { all: ['care-tags'] as const, list: (communityId?: string) => ['care-tags', communityId ?? null] as const };

export const listCareTags = (communityId?: string) => api.get('/api/care-tags', CareTagListDto, { communityId });
export const putCareTag = (code: string, input: CareTagInput, communityId?: string) =>
  api.put(withQuery(`/api/care-tags/${encodeURIComponent(code)}`, { communityId }), input, CareTagDto);

const DEFAULTS = defaultCareTags();

export function useCareTagList(communityId?: string) {
  return useQuery({ queryKey: careTagKeys.list(communityId), queryFn: () => listCareTags(communityId), staleTime: 300_000 });
}

/** The community's care tags; the contracts' defaults stand in while loading or when the list cannot be read. */
export function useCareTags(communityId?: string): { tags: CareTagDto[]; isPending: boolean } {
  const query = useCareTagList(communityId);
  return { tags: query.data?.items ?? DEFAULTS, isPending: query.isPending };
}
