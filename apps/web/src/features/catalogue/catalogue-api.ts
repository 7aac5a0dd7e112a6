import { CatalogueDto, ServiceDto, type ServiceInput, type UpdateServiceInput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const catalogueKeys = { all: ['catalogue'] as const, street: (streetId?: string) => ['catalogue', streetId ?? 'mine'] as const };

export const getStreetCatalogue = (streetId?: string) => api.get('/api/catalogue', CatalogueDto, streetId ? { streetId } : undefined);
export const createService = (input: ServiceInput) => api.post('/api/services', input, ServiceDto);
export const updateService = (id: string, input: UpdateServiceInput) => api.patch(`/api/services/${id}`, input, ServiceDto);

export function useCatalogue(streetId?: string) {
  return useQuery({ queryKey: catalogueKeys.street(streetId), queryFn: () => getStreetCatalogue(streetId) });
}
