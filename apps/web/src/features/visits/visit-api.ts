import { OverdueList, VisitDto, VisitListDto, type CreateVisitInput, type OverdueQuery } from '@linli/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type NewVisit = z.input<typeof CreateVisitInput>;
export type OverdueFilter = Partial<Pick<OverdueQuery, 'areaId' | 'page' | 'pageSize' | 'dueWithinDays'>>;

export const visitKeys = {
  all: ['visits'] as const,
  household: (id: string) => ['visits', 'household', id] as const,
  overdue: (q: OverdueFilter) => ['visits', 'overdue', q] as const,
};

export const listVisits = (householdId: string) => api.get(`/api/households/${householdId}/visits`, VisitListDto);
export const recordVisit = (householdId: string, input: NewVisit) => api.post(`/api/households/${householdId}/visits`, input, VisitDto);
export const listOverdue = (q: OverdueFilter) => api.get('/api/visits/overdue', OverdueList, q);

export function useHouseholdVisits(householdId: string) {
  return useQuery({ queryKey: visitKeys.household(householdId), queryFn: () => listVisits(householdId) });
}

export function useOverdueVisits(q: OverdueFilter) {
  return useQuery({ queryKey: visitKeys.overdue(q), queryFn: () => listOverdue(q), placeholderData: keepPreviousData });
}
