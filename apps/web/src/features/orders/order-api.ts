import {
  AttachmentDto,
  CatalogueDto,
  DuplicateList,
  HandlerSuggestions,
  OrderCounts,
  OrderDto,
  OrderList,
  TimelineDto,
  TimelineEntry,
  type CommentInput,
  type CreateOrderInput,
  type DuplicateQuery,
  type OrderCountsQuery,
  type OrderListQuery,
  type OrderMoveInput,
} from '@linli/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { z } from 'zod';
import { api, type Query } from '../../lib/api';

/** What the forms send: the contract's input shapes (defaults still to be applied by the server's parse). */
export type NewOrder = z.input<typeof CreateOrderInput>;
export type OrderMove = z.input<typeof OrderMoveInput>;
export type NewComment = z.input<typeof CommentInput>;
export type OrderFilter = Partial<OrderListQuery>;

export const orderKeys = {
  all: ['orders'] as const,
  list: (q: OrderFilter) => ['orders', 'list', q] as const,
  one: (id: string) => ['orders', 'one', id] as const,
  timeline: (id: string) => ['orders', 'timeline', id] as const,
  duplicates: (q: DuplicateQuery | null) => ['orders', 'duplicates', q] as const,
  duplicatesOf: (id: string) => ['orders', 'duplicates-of', id] as const,
  suggestions: (id: string) => ['orders', 'suggestions', id] as const,
  catalogue: ['catalogue'] as const,
};

export const listOrders = (q: OrderFilter) => api.get('/api/orders', OrderList, q as Query);
export const countOrders = (q: Partial<OrderCountsQuery>) => api.get('/api/orders/counts', OrderCounts, q as Query);
export const getOrder = (id: string) => api.get(`/api/orders/${id}`, OrderDto);
export const getTimeline = (id: string) => api.get(`/api/orders/${id}/timeline`, TimelineDto).then((r) => r.items);
export const moveOrder = (id: string, input: OrderMove) => api.post(`/api/orders/${id}/events`, input, OrderDto);
export const placeOrder = (input: NewOrder, idempotencyKey: string) =>
  api.post('/api/orders', input, OrderDto, { 'idempotency-key': idempotencyKey });
export const addComment = (id: string, input: NewComment) => api.post(`/api/orders/${id}/comments`, input, TimelineEntry);
export const findDuplicates = (q: DuplicateQuery) => api.get('/api/orders/duplicates', DuplicateList, q).then((r) => r.items);
export const duplicatesOf = (id: string) => api.get(`/api/orders/${id}/duplicates`, DuplicateList).then((r) => r.items);
export const handlerSuggestions = (id: string) => api.get(`/api/orders/${id}/handler-suggestions`, HandlerSuggestions).then((r) => r.items);
export const getCatalogue = () => api.get('/api/catalogue', CatalogueDto);
export const attachmentUrl = (id: string) => `/api/attachments/${id}/content`;

export function uploadAttachment(file: File): Promise<AttachmentDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload('/api/attachments', form, AttachmentDto);
}

/** Every list, card, count and timeline of orders may change after one move: refresh them all. */
export const refreshOrders = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: orderKeys.all });

/** The desk's or the workbench's tab counts (per status and late), under the list's other filters. */
export function useOrderCounts(q: Partial<OrderCountsQuery> & { view: OrderCountsQuery['view'] }) {
  return useQuery({ queryKey: [...orderKeys.all, 'counts', q], queryFn: () => countOrders(q), placeholderData: keepPreviousData });
}

export function useOrders(q: OrderFilter, enabled = true) {
  return useQuery({ queryKey: orderKeys.list(q), queryFn: () => listOrders(q), placeholderData: keepPreviousData, enabled });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: orderKeys.one(id), queryFn: () => getOrder(id) });
}

export function useTimeline(id: string) {
  return useQuery({ queryKey: orderKeys.timeline(id), queryFn: () => getTimeline(id) });
}

/** One move on one order; a stale `version` answers 409 CONFLICT, which the caller shows. */
export function useMoveOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrderMove) => moveOrder(id, input),
    onSuccess: (dto) => {
      queryClient.setQueryData(orderKeys.one(id), dto);
      void refreshOrders(queryClient);
    },
  });
}

/**
 * Places an order with an idempotency key made once per form, so a retried submit makes one order;
 * `resetKey` starts a new one after a success (the next order on the same form).
 */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  const key = useRef<string>(crypto.randomUUID());
  const mutation = useMutation({
    mutationFn: (input: NewOrder) => placeOrder(input, key.current),
    onSuccess: () => void refreshOrders(queryClient),
  });
  return { ...mutation, resetKey: () => (key.current = crypto.randomUUID()) };
}

export function useComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewComment) => addComment(id, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderKeys.timeline(id) }),
  });
}

/** Open orders like the one being typed; pass null to ask nothing (no service or too little text yet). */
export function useDuplicates(q: DuplicateQuery | null) {
  return useQuery({
    queryKey: orderKeys.duplicates(q),
    queryFn: () => findDuplicates(q as DuplicateQuery),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

export function useOrderDuplicates(id: string, enabled = true) {
  return useQuery({ queryKey: orderKeys.duplicatesOf(id), queryFn: () => duplicatesOf(id), enabled });
}

export function useHandlerSuggestions(id: string, enabled = true) {
  return useQuery({ queryKey: orderKeys.suggestions(id), queryFn: () => handlerSuggestions(id), enabled });
}

export function useCatalogue() {
  return useQuery({ queryKey: orderKeys.catalogue, queryFn: getCatalogue, staleTime: 5 * 60_000 });
}

export function useUploadAttachment() {
  return useMutation({ mutationFn: uploadAttachment });
}
