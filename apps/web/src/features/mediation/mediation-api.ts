import {
  type AgreementTerms,
  type CloseMediationInput,
  type FollowUpInput,
  MediationCaseDto,
  MediationCaseList,
  type MediationQuery,
  type OpenMediationInput,
  type SessionInput,
} from '@linli/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const mediationKeys = {
  all: ['mediation'] as const,
  list: (q: Partial<MediationQuery>) => ['mediation', 'list', q] as const,
  one: (id: string) => ['mediation', 'case', id] as const,
};

export const listCases = (q: Partial<MediationQuery>) => api.get('/api/mediation/cases', MediationCaseList, q);
export const getCase = (id: string) => api.get(`/api/mediation/cases/${id}`, MediationCaseDto);
export const openCase = (input: OpenMediationInput) => api.post('/api/mediation/cases', input, MediationCaseDto);

export function useCases(q: Partial<MediationQuery>) {
  return useQuery({ queryKey: mediationKeys.list(q), queryFn: () => listCases(q), placeholderData: keepPreviousData });
}

export function useCase(id: string) {
  return useQuery({ queryKey: mediationKeys.one(id), queryFn: () => getCase(id) });
}

/** One write on a case; it answers the whole case, which replaces the cached one. */
function useCaseWrite<I>(id: string, fn: (input: I) => Promise<MediationCaseDto>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (dto: MediationCaseDto) => {
      qc.setQueryData(mediationKeys.one(id), dto);
      void qc.invalidateQueries({ queryKey: ['mediation', 'list'] });
    },
  });
}

/** The writes on one case. */
export function useCaseActions(id: string) {
  return {
    session: useCaseWrite(id, (input: SessionInput) => api.post(`/api/mediation/cases/${id}/sessions`, input, MediationCaseDto)),
    draft: useCaseWrite(id, (terms: AgreementTerms) => api.post(`/api/mediation/cases/${id}/agreements`, terms, MediationCaseDto)),
    update: useCaseWrite(id, (x: { agreementId: string; terms: AgreementTerms }) =>
      api.put(`/api/mediation/agreements/${x.agreementId}`, x.terms, MediationCaseDto),
    ),
    sign: useCaseWrite(id, (agreementId: string) => api.post(`/api/mediation/agreements/${agreementId}/sign`, {}, MediationCaseDto)),
    close: useCaseWrite(id, (input: CloseMediationInput) => api.post(`/api/mediation/cases/${id}/close`, input, MediationCaseDto)),
    followUp: useCaseWrite(id, (input: FollowUpInput) => api.post(`/api/mediation/cases/${id}/follow-ups`, input, MediationCaseDto)),
  };
}
