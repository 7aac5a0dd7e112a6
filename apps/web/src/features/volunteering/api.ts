import {
  ActivityDto,
  ActivityFiguresDto,
  type ActivityInput,
  ActivityListDto,
  type ActivityListQuery,
  LedgerDto,
  SignupDto,
  SignupListDto,
  PendingHoursListDto,
  TeamDto,
  type TeamInput,
  TeamListDto,
  type TeamUpdateInput,
  HoursDto,
  VolunteerOrderDto,
  VolunteerOrdersDto,
  VolunteerDto,
  type VolunteerInput,
  VolunteerListDto,
  type VolunteerListQuery,
} from '@linli/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

const keys = {
  all: ['volunteering'] as const,
  activities: (q: Partial<ActivityListQuery>) => ['volunteering', 'activities', q] as const,
  activity: (id: string) => ['volunteering', 'activity', id] as const,
  signups: (id: string) => ['volunteering', 'signups', id] as const,
  ledger: (id: string) => ['volunteering', 'ledger', id] as const,
};

export const useActivities = (q: Partial<ActivityListQuery>) =>
  useQuery({
    queryKey: keys.activities(q),
    queryFn: () => api.get('/api/activities', ActivityListDto, q),
    placeholderData: keepPreviousData,
  });
export const useActivity = (id: string) =>
  useQuery({ queryKey: keys.activity(id), queryFn: () => api.get(`/api/activities/${id}`, ActivityDto) });
export const useSignups = (id: string) =>
  useQuery({
    queryKey: keys.signups(id),
    queryFn: () => api.get(`/api/activities/${id}/signups`, SignupListDto),
    enabled: id !== '',
    refetchInterval: 5000,
  });
export const useLedger = (id: string) =>
  useQuery({ queryKey: keys.ledger(id), queryFn: () => api.get(`/api/volunteers/${id}/ledger`, LedgerDto), retry: false });
export const useVolunteers = (q: Partial<VolunteerListQuery>) =>
  useQuery({
    queryKey: ['volunteering', 'volunteers', q],
    queryFn: () => api.get('/api/volunteers', VolunteerListDto, q),
    placeholderData: keepPreviousData,
  });
export const useTeams = (communityId?: string) =>
  useQuery({
    queryKey: ['volunteering', 'teams', communityId ?? null],
    queryFn: () => api.get('/api/volunteer-teams', TeamListDto, { communityId }),
  });
/** A calendar year's figures, or with `year` null the server's default period: the 365 days up to today. */
export const useActivityFigures = (year: number | null, communityId?: string) =>
  useQuery({
    queryKey: ['volunteering', 'figures', year, communityId ?? null],
    queryFn: () => api.get('/api/activities/figures', ActivityFiguresDto, { year: year ?? undefined, communityId }),
  });

/** Every write refreshes the whole feature's cache: sign-ups move counts, waitlists and ledgers at once. */
function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateActivity = () => useWrite((input: ActivityInput) => api.post('/api/activities', input, ActivityDto));
export const useSignUp = () => useWrite((id: string) => api.post(`/api/activities/${id}/sign-up`, {}, ActivityDto));
export const useCancelSignup = () =>
  useWrite(({ id, signupId }: { id: string; signupId?: string }) => api.post(`/api/activities/${id}/cancel`, { signupId }, ActivityDto));
export const useCheckIn = () =>
  useWrite(({ id, ...body }: { id: string; code?: string; signupId?: string }) =>
    api.post(`/api/activities/${id}/check-in`, body, SignupDto),
  );
export const useCheckOut = () =>
  useWrite(({ id, signupId }: { id: string; signupId: string }) => api.post(`/api/activities/${id}/check-out`, { signupId }, SignupDto));
export const useHoldActivity = () =>
  useWrite(({ id, peopleServed }: { id: string; peopleServed: number }) =>
    api.post(`/api/activities/${id}/hold`, { peopleServed }, ActivityDto),
  );
export const useRegisterVolunteer = () => useWrite((input: Partial<VolunteerInput>) => api.post('/api/volunteers', input, VolunteerDto));

export const useCreateTeam = () => useWrite((input: TeamInput) => api.post('/api/volunteer-teams', input, TeamDto));
export const useUpdateTeam = () =>
  useWrite(({ id, ...input }: TeamUpdateInput & { id: string }) => api.patch(`/api/volunteer-teams/${id}`, input, TeamDto));
export const useAddTeamMember = () =>
  useWrite(({ id, volunteerId }: { id: string; volunteerId: string }) =>
    api.post(`/api/volunteer-teams/${id}/members`, { volunteerId }, TeamDto),
  );
export const useRemoveTeamMember = () =>
  useWrite(({ id, volunteerId }: { id: string; volunteerId: string }) =>
    api.del(`/api/volunteer-teams/${id}/members/${volunteerId}`, TeamDto),
  );

export const usePendingHours = (communityId?: string) =>
  useQuery({
    queryKey: ['volunteering', 'pending', communityId ?? null],
    queryFn: () => api.get('/api/volunteer-hours/pending', PendingHoursListDto, { communityId }),
  });
export const useVerifyHours = () =>
  useWrite(({ id, ...body }: { id: string; approve: boolean; reason?: string }) =>
    api.post(`/api/volunteer-hours/${id}/verify`, body, HoursDto),
  );

/** The Red Butler orders: the volunteer's own, and for the team leader the team's with the roster to hand them to. */
export const useVolunteerOrders = () =>
  useQuery({ queryKey: ['volunteering', 'orders'], queryFn: () => api.get('/api/volunteer-orders', VolunteerOrdersDto) });
/** The handed volunteer gives an order back to the team leader, with the reason. */
export const useGiveBackOrder = () =>
  useWrite(({ id, reason }: { id: string; reason: string }) =>
    api.post(`/api/volunteer-orders/${id}/give-back`, { reason }, VolunteerOrdersDto),
  );
export const useHandOrder = () =>
  useWrite(({ id, volunteerId }: { id: string; volunteerId: string }) =>
    api.post(`/api/volunteer-orders/${id}/hand`, { volunteerId }, VolunteerOrderDto),
  );
