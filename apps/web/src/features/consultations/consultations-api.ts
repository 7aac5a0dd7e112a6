import {
  BallotList,
  OwnerRecordDto,
  VoteTopicDto,
  VoteTopicList,
  VoterPartList,
  type BallotInput,
  type OwnerRecordInput,
  type VoteTopicInput,
} from '@linli/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export function useTopics(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['consultations', 'list', page],
    queryFn: () => api.get('/api/consultations', VoteTopicList, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useTopic(id: string) {
  return useQuery({ queryKey: ['consultations', id], queryFn: () => api.get(`/api/consultations/${id}`, VoteTopicDto) });
}

export function useBallots(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['consultations', id, 'votes'],
    queryFn: () => api.get(`/api/consultations/${id}/votes`, BallotList),
    enabled,
  });
}

/** Owners' votes: the flats the voter owns where the topic is put (staff name the voter; a resident gets their own). */
export function useVoterParts(id: string, residentId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['consultations', id, 'parts', residentId ?? 'me'],
    queryFn: () => api.get(`/api/consultations/${id}/parts`, VoterPartList, { residentId }),
    enabled,
  });
}

export function useOpenTopic() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: VoteTopicInput) => api.post('/api/consultations', input, VoteTopicDto),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['consultations'] }),
  });
}

export function useCastVote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BallotInput) => api.post(`/api/consultations/${id}/votes`, input, VoteTopicDto),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['consultations'] }),
  });
}

export function usePublishTopic(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/api/consultations/${id}/publish`, {}, VoteTopicDto),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['consultations'] }),
  });
}

export function useRecordOwner() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ residentId, ...input }: OwnerRecordInput & { residentId: string }) =>
      api.put(`/api/consultations/owners/${residentId}`, input, OwnerRecordDto),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['consultations'] }),
  });
}
