import { useSearchParams } from 'react-router-dom';
import { filtersFromParams, paramsFromFilters } from './filter-params';
import type { OrderFilter } from './order-api';

/** A list's filters, kept in the address bar. */
export function useOrderFilters() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  return {
    filters,
    page: filters.page ?? 1,
    update: (patch: OrderFilter) => setParams(paramsFromFilters({ ...filters, ...patch }), { replace: true }),
    reset: () => setParams(new URLSearchParams(), { replace: true }),
  };
}
