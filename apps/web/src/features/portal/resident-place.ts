import { PortalHomeDto } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** The resident's home address as the server words it (小区 楼栋 单元 房号); null while loading or without a household. */
export function useResidentPlace(): string | null {
  const home = useQuery({ queryKey: ['portal', 'home'], queryFn: () => api.get('/api/portal/home', PortalHomeDto), staleTime: 5 * 60_000 });
  return home.data?.home?.address ?? null;
}
