import { CreatedOpen311Key, type CreateOpen311KeyInput, Open311KeyDto, Open311KeyList } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const open311Keys = { all: ['open311-keys'] as const };

export const listKeys = () => api.get('/api/open311/keys', Open311KeyList).then((r) => r.items);
export const createKey = (input: CreateOpen311KeyInput) => api.post('/api/open311/keys', input, CreatedOpen311Key);
export const revokeKey = (id: string) => api.post(`/api/open311/keys/${id}/revoke`, {}, Open311KeyDto);

export function useKeyList() {
  return useQuery({ queryKey: open311Keys.all, queryFn: listKeys });
}
