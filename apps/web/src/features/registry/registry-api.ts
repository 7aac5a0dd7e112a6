import {
  HistoryListDto,
  HouseholdDto,
  HouseholdListItem,
  paged,
  ResidentDto,
  ResidentSearchPage,
  RevealDto,
  type CreateHouseholdInput,
  type MoveInInput,
  type MoveOutInput,
  type RecordDeathInput,
  type RevealInput,
  type TransferHouseholdInput,
  type UpdateHouseholdInput,
  type UpdateResidentInput,
} from '@linli/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../app/query-client';
import { api, type Query } from '../../lib/api';

export const ResidentPage = ResidentSearchPage;
export const HouseholdPage = paged(HouseholdListItem);

export const registryKeys = {
  all: ['registry'] as const,
  residents: (q: Query) => ['registry', 'residents', q] as const,
  households: (q: Query) => ['registry', 'households', q] as const,
  household: (id: string) => ['registry', 'household', id] as const,
  history: (id: string) => ['registry', 'history', id] as const,
};

export const searchResidents = (q: Query) => api.get('/api/residents', ResidentPage, q);
export const listHouseholds = (q: Query) => api.get('/api/households', HouseholdPage, q);
export const getHousehold = (id: string) => api.get(`/api/households/${id}`, HouseholdDto);
export const getHouseholdHistory = (id: string) => api.get(`/api/households/${id}/history`, HistoryListDto).then((r) => r.items);

export const createHousehold = (input: CreateHouseholdInput) => api.post('/api/households', input, HouseholdDto);
export const updateHousehold = (id: string, input: UpdateHouseholdInput) => api.patch(`/api/households/${id}`, input, HouseholdDto);
export const addMember = (id: string, input: MoveInInput) => api.post(`/api/households/${id}/members`, input, HouseholdDto);
export const moveOutHousehold = (id: string, input: MoveOutInput) => api.post(`/api/households/${id}/move-out`, input, HouseholdDto);
export const transferHousehold = (id: string, input: TransferHouseholdInput) =>
  api.post(`/api/households/${id}/transfer`, input, HouseholdDto);

export const updateResident = (id: string, input: UpdateResidentInput) => api.patch(`/api/residents/${id}`, input, ResidentDto);
export const moveOutResident = (id: string, input: MoveOutInput) => api.post(`/api/residents/${id}/move-out`, input, ResidentDto);
export const recordDeath = (id: string, input: RecordDeathInput) => api.post(`/api/residents/${id}/death`, input, ResidentDto);
export const revealResident = (id: string, input: RevealInput) => api.post(`/api/residents/${id}/reveal`, input, RevealDto);

/** Map cells, lists, visit schedules and cards all read the registry: after a change, refresh all but the session. */
export const refreshAfterChange = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
