import { SurveyDto, SurveyList, SurveyRanking, type SurveyAnswerInput, type SurveyInput } from '@linli/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export function useSurveys(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['surveys', 'list', page, pageSize],
    queryFn: () => api.get('/api/surveys', SurveyList, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(id: string) {
  return useQuery({ queryKey: ['surveys', id], queryFn: () => api.get(`/api/surveys/${id}`, SurveyDto) });
}

export function useRanking(period: string | undefined) {
  return useQuery({
    queryKey: ['surveys', 'ranking', period ?? ''],
    queryFn: () => api.get('/api/surveys/ranking', SurveyRanking, { period }),
    placeholderData: keepPreviousData,
  });
}

export function useOpenSurvey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SurveyInput) => api.post('/api/surveys', input, SurveyDto),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

export function useAnswerSurvey(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SurveyAnswerInput) => api.post(`/api/surveys/${id}/answers`, input, SurveyDto),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['surveys'] }),
  });
}
