import { ConsultationDto, ConsultationList, LegalRosterDto, type ConsultationInput } from '@linli/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export function useRoster() {
  return useQuery({ queryKey: ['legal', 'roster'], queryFn: () => api.get('/api/legal/roster', LegalRosterDto) });
}

export function useConsultations(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['legal', 'consultations', page],
    queryFn: () => api.get('/api/legal/consultations', ConsultationList, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useRecordConsultation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsultationInput) => api.post('/api/legal/consultations', input, ConsultationDto),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['legal', 'consultations'] }),
  });
}
