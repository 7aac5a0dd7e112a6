import { BuildingMapDto, SiteMapDto, type SitePositionsInput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const mapKeys = {
  all: ['map'] as const,
  building: (id: string) => ['map', 'building', id] as const,
  site: (id: string) => ['map', 'site', id] as const,
};

export const getBuildingMap = (id: string) => api.get(`/api/map/buildings/${id}`, BuildingMapDto);
export const getSiteMap = (id: string) => api.get(`/api/map/areas/${id}`, SiteMapDto);
export const putPositions = (id: string, input: SitePositionsInput) => api.put(`/api/map/areas/${id}/positions`, input, SiteMapDto);

export function useBuildingMap(id: string) {
  return useQuery({ queryKey: mapKeys.building(id), queryFn: () => getBuildingMap(id) });
}

export function useSiteMap(id: string) {
  return useQuery({ queryKey: mapKeys.site(id), queryFn: () => getSiteMap(id) });
}
