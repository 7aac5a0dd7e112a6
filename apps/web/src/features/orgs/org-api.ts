import {
  HandlerOrgDto,
  HandlerOrgListDto,
  OkBody,
  type CreateHandlerOrgInput,
  type HandlerOrgKind,
  type UpdateHandlerOrgInput,
} from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type OrgQuery = { kind?: HandlerOrgKind; areaId?: string };

export const orgKeys = { all: ['orgs'] as const, list: (q: OrgQuery) => ['orgs', 'list', q] as const };

export const listOrgs = (q: OrgQuery = {}) => api.get('/api/orgs', HandlerOrgListDto, q).then((r) => r.items);
export const createOrg = (input: CreateHandlerOrgInput) => api.post('/api/orgs', input, HandlerOrgDto);
export const updateOrg = (id: string, input: UpdateHandlerOrgInput) => api.patch(`/api/orgs/${id}`, input, HandlerOrgDto);
export const deleteOrg = (id: string) => api.del(`/api/orgs/${id}`, OkBody);

export function useOrgList(q: OrgQuery = {}, enabled = true) {
  return useQuery({ queryKey: orgKeys.list(q), queryFn: () => listOrgs(q), enabled });
}
