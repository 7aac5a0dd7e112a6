import {
  AreaDetailDto,
  AreaListDto,
  AreaNodeDto,
  BuildingLayoutDto,
  OkBody,
  type AreaListQuery,
  type BuildingLayoutInput,
  type CreateAreaInput,
  type UpdateAreaInput,
} from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const areaKeys = {
  all: ['areas'] as const,
  list: (query: AreaListQuery) => ['areas', 'list', query] as const,
  detail: (id: string) => ['areas', 'detail', id] as const,
  layout: (id: string) => ['areas', 'layout', id] as const,
};

export const listAreas = (query: AreaListQuery = {}) => api.get('/api/areas', AreaListDto, query).then((r) => r.items);
export const getArea = (id: string) => api.get(`/api/areas/${id}`, AreaDetailDto);
export const getLayout = (id: string) => api.get(`/api/areas/${id}/layout`, BuildingLayoutDto);
export const createArea = (input: CreateAreaInput) => api.post('/api/areas', input, AreaNodeDto);
export const updateArea = (id: string, input: UpdateAreaInput) => api.patch(`/api/areas/${id}`, input, AreaNodeDto);
export const deleteArea = (id: string) => api.del(`/api/areas/${id}`, OkBody);
export const putLayout = (id: string, input: BuildingLayoutInput) => api.put(`/api/areas/${id}/layout`, input, BuildingLayoutDto);

export function useAreaList(query: AreaListQuery, enabled = true) {
  return useQuery({ queryKey: areaKeys.list(query), queryFn: () => listAreas(query), enabled });
}
