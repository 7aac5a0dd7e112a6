import {
  type AttendanceInput,
  type CreateMeetingInput,
  type DecisionMediationInput,
  type DecisionOrdersInput,
  type DecisionTasksInput,
  MeetingDto,
  MeetingList,
  type MeetingQuery,
  type MeetingStatusInput,
  type UpdateMeetingInput,
} from '@linli/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const meetingKeys = {
  list: (q: Partial<MeetingQuery>) => ['meetings', 'list', q] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
};

export const createMeeting = (input: CreateMeetingInput) => api.post('/api/meetings', input, MeetingDto);

export function useMeetings(q: Partial<MeetingQuery>) {
  return useQuery({
    queryKey: meetingKeys.list(q),
    queryFn: () => api.get('/api/meetings', MeetingList, q),
    placeholderData: keepPreviousData,
  });
}

/** One meeting; refetched on focus so the decisions' progress (orders moving on) stays live. */
export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.one(id), queryFn: () => api.get(`/api/meetings/${id}`, MeetingDto), refetchInterval: 30_000 });
}

/** One write on a meeting; it answers the whole meeting, which replaces the cached one. */
function useMeetingWrite<I>(id: string, fn: (input: I) => Promise<MeetingDto>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (dto: MeetingDto) => {
      qc.setQueryData(meetingKeys.one(id), dto);
      void qc.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}

type OnDecision<I> = I & { decisionId: string };

/** The writes on one meeting. */
export function useMeetingActions(id: string) {
  const base = `/api/meetings/${id}`;
  return {
    update: useMeetingWrite(id, (input: UpdateMeetingInput) => api.put(base, input, MeetingDto)),
    attendance: useMeetingWrite(id, (input: AttendanceInput) => api.post(`${base}/attendance`, input, MeetingDto)),
    advance: useMeetingWrite(id, (input: MeetingStatusInput) => api.post(`${base}/status`, input, MeetingDto)),
    decide: useMeetingWrite(id, (text: string) => api.post(`${base}/decisions`, { text }, MeetingDto)),
    orders: useMeetingWrite(id, ({ decisionId, ...input }: OnDecision<DecisionOrdersInput>) =>
      api.post(`${base}/decisions/${decisionId}/orders`, input, MeetingDto),
    ),
    mediation: useMeetingWrite(id, ({ decisionId, ...input }: OnDecision<DecisionMediationInput>) =>
      api.post(`${base}/decisions/${decisionId}/mediation`, input, MeetingDto),
    ),
    tasks: useMeetingWrite(id, ({ decisionId, ...input }: OnDecision<DecisionTasksInput>) =>
      api.post(`${base}/decisions/${decisionId}/tasks`, input, MeetingDto),
    ),
    tick: useMeetingWrite(id, (x: { taskId: string; done: boolean }) =>
      api.post(`${base}/tasks/${x.taskId}`, { done: x.done }, MeetingDto),
    ),
  };
}
