import {
  type CreateProgrammeInput,
  type CreateSocialWorkerInput,
  type EndEnrolmentInput,
  type EnrolInput,
  EnrolmentDto,
  EnrolmentListDto,
  HouseholdProgrammesDto,
  ProgrammeDto,
  ProgrammeListDto,
  ProgrammeSessionDto,
  OrderDto,
  type RecordSessionInput,
  type UnservedOrderInput,
  type UpdateProgrammeInput,
  SocialOrgListDto,
  SocialWorkerDto,
  UnservedDto,
} from '@linli/contracts';
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

export function useEnrolments(programmeId: string) {
  return useQuery({
    queryKey: ['programmes', programmeId, 'enrolments'],
    queryFn: () => api.get(`/api/programmes/${programmeId}/enrolments`, EnrolmentListDto),
  });
}

export const createProgramme = (input: CreateProgrammeInput) => api.post('/api/programmes', input, ProgrammeDto);
export const updateProgramme = (id: string, input: UpdateProgrammeInput) => api.patch(`/api/programmes/${id}`, input, ProgrammeDto);
export const orderForUnserved = (programmeId: string, residentId: string, input: UnservedOrderInput) =>
  api.post(`/api/programmes/${programmeId}/unserved/${residentId}/order`, input, OrderDto);
export const enrolResident = (programmeId: string, input: EnrolInput) =>
  api.post(`/api/programmes/${programmeId}/enrolments`, input, EnrolmentDto);
export const endEnrolment = (programmeId: string, enrolmentId: string, input: EndEnrolmentInput) =>
  api.post(`/api/programmes/${programmeId}/enrolments/${enrolmentId}/end`, input, EnrolmentDto);
export const recordSession = (programmeId: string, input: RecordSessionInput) =>
  api.post(`/api/programmes/${programmeId}/sessions`, input, ProgrammeSessionDto);
export const addSocialWorker = (orgId: string, input: CreateSocialWorkerInput) =>
  api.post(`/api/social-orgs/${orgId}/workers`, input, SocialWorkerDto);
