import { HouseholdProgrammesDto, ProgrammeListDto, SocialOrgListDto, UnservedDto } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export function useProgrammes() {
  return useQuery({ queryKey: ['programmes'], queryFn: () => api.get('/api/programmes', ProgrammeListDto) });
}

export function useUnserved(programmeId: string | null) {
  return useQuery({
    queryKey: ['programmes', programmeId, 'unserved'],
    queryFn: () => api.get(`/api/programmes/${programmeId}/unserved`, UnservedDto, { limit: 200 }),
    enabled: programmeId !== null,
  });
}

export function useHouseholdProgrammes(householdId: string) {
  return useQuery({
    queryKey: ['programmes', 'household', householdId],
    queryFn: () => api.get(`/api/households/${householdId}/programmes`, HouseholdProgrammesDto),
  });
}

export function useSocialOrgs() {
  return useQuery({ queryKey: ['social-orgs'], queryFn: () => api.get('/api/social-orgs', SocialOrgListDto) });
}
