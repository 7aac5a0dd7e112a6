import { OrderListQuery } from '@linli/contracts';
import type { OrderFilter } from './order-api';

/** The filters a list keeps in the address bar, so the back button returns to the same page of the same queue. */
const FILTER_KEYS = ['status', 'serviceId', 'category', 'overdue', 'q', 'page'] as const;
const FilterParams = OrderListQuery.pick({ status: true, serviceId: true, category: true, q: true, page: true }).partial();

export function filtersFromParams(params: URLSearchParams): OrderFilter {
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v) raw[key] = v;
  }
  // each filter stands alone: a bad one in a pasted link drops out instead of clearing the rest
  const out: OrderFilter = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'overdue') {
      if (value === 'true') out.overdue = true;
      continue;
    }
    const parsed = FilterParams.safeParse({ [key]: value });
    if (parsed.success) Object.assign(out, { [key]: parsed.data[key as keyof typeof parsed.data] });
  }
  return out;
}

export function paramsFromFilters(f: OrderFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = f[key];
    if (v === undefined || v === null || v === '' || v === false || (key === 'page' && v === 1)) continue;
    params.set(key, String(v));
  }
  return params;
}
