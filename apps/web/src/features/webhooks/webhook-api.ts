import {
  type CreateWebhookInput,
  CreatedWebhook,
  OkBody,
  type UpdateWebhookInput,
  WebhookDeliveryDto,
  WebhookDeliveryList,
  WebhookDto,
  WebhookList,
} from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const webhookKeys = { all: ['webhooks'] as const, deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const };

export const createWebhook = (input: CreateWebhookInput) => api.post('/api/webhooks', input, CreatedWebhook);
export const updateWebhook = (id: string, patch: UpdateWebhookInput) => api.patch(`/api/webhooks/${id}`, patch, WebhookDto);
export const deleteWebhook = (id: string) => api.del(`/api/webhooks/${id}`, OkBody);
export const testWebhook = (id: string) => api.post(`/api/webhooks/${id}/test`, {}, WebhookDeliveryDto);

export function useWebhookList() {
  return useQuery({ queryKey: webhookKeys.all, queryFn: () => api.get('/api/webhooks', WebhookList).then((r) => r.items) });
}

export function useDeliveries(id: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id),
    queryFn: () => api.get(`/api/webhooks/${id}/deliveries`, WebhookDeliveryList).then((r) => r.items),
  });
}
