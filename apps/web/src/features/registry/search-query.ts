import { RESIDENT_SEARCH_LIMITS, ResidentStatus, ResidentType, Tenure, type HouseholdStatus } from '@linli/contracts';
import { withQuery, type Query } from '../../lib/api';

export type RegistryTab = 'residents' | 'households';

/** Every filter of the search page; each tab sends the ones its endpoint knows. */
export type RegistryFilters = {
  q?: string;
  address?: string;
  tags?: string[];
  residentType?: ResidentType;
  status?: ResidentStatus;
  tenure?: Tenure;
  areaId?: string;
  ageMin?: number;
  ageMax?: number;
  political?: string;
};

export type RegistryState = { tab: RegistryTab; filters: RegistryFilters; page: number; pageSize: number };

export const REGISTRY_PAGE_SIZES = [10, 20, 50, 100];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (v: string | null | undefined, max: number) => {
  const s = v?.trim();
  return s ? s.slice(0, max) : undefined;
};
const age = (v: string | null) => {
  if (v === null || !/^\d{1,3}$/.test(v.trim())) return undefined;
  const n = Number(v);
  return n <= RESIDENT_SEARCH_LIMITS.age ? n : undefined;
};
const oneOf = <T extends string>(options: readonly T[], v: string | null): T | undefined => options.find((o) => o === v);

/** A household only knows active and moved out; a deceased filter makes no sense there. */
const householdStatus = (s?: ResidentStatus): HouseholdStatus | undefined => (s === 'deceased' ? undefined : s);

/** Both ages given the wrong way round are swapped rather than refused. */
function ageRange(f: RegistryFilters): { ageMin?: number; ageMax?: number } {
  const { ageMin, ageMax } = f;
  if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) return { ageMin: ageMax, ageMax: ageMin };
  return { ageMin, ageMax };
}

const tagList = (tags?: string[]) => (tags && tags.length ? tags.join(',') : undefined);

/** GET /api/residents (and the residents export) parameters; empty filters are left out. */
export function residentQuery(f: RegistryFilters, paging?: { page: number; pageSize: number }): Query {
  return {
    q: text(f.q, RESIDENT_SEARCH_LIMITS.q),
    address: text(f.address, RESIDENT_SEARCH_LIMITS.address),
    tags: tagList(f.tags),
    residentType: f.residentType,
    status: f.status,
    areaId: f.areaId,
    ...ageRange(f),
    political: f.political,
    ...paging,
  };
}

/** GET /api/households (and the households export) parameters. */
export function householdQuery(f: RegistryFilters, paging?: { page: number; pageSize: number }): Query {
  return {
    address: text(f.address, RESIDENT_SEARCH_LIMITS.address),
    tags: tagList(f.tags),
    tenure: f.tenure,
    status: householdStatus(f.status),
    areaId: f.areaId,
    ...paging,
  };
}

/** The .xlsx download for the tab with the current filters (no paging: the export streams everything). */
export function exportUrl(tab: RegistryTab, f: RegistryFilters): string {
  return tab === 'residents'
    ? withQuery('/api/exports/residents.xlsx', residentQuery(f))
    : withQuery('/api/exports/households.xlsx', householdQuery(f));
}

/** Reads the page state from the address bar, dropping anything malformed. */
export function readRegistryState(params: URLSearchParams): RegistryState {
  const areaId = params.get('areaId');
  const political = params.get('political');
  const tags = (params.get('tags') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    tab: params.get('tab') === 'households' ? 'households' : 'residents',
    filters: {
      q: text(params.get('q'), RESIDENT_SEARCH_LIMITS.q),
      address: text(params.get('address'), RESIDENT_SEARCH_LIMITS.address),
      tags: tags.length ? tags : undefined,
      residentType: oneOf(ResidentType.options, params.get('residentType')),
      status: oneOf(ResidentStatus.options, params.get('status')),
      tenure: oneOf(Tenure.options, params.get('tenure')),
      areaId: areaId && UUID.test(areaId) ? areaId : undefined,
      ageMin: age(params.get('ageMin')),
      ageMax: age(params.get('ageMax')),
      political: political && /^\d{2}$/.test(political) ? political : undefined,
    },
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: REGISTRY_PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

/** The inverse of readRegistryState: defaults (first page, 20 rows, residents tab) stay out of the URL. */
export function writeRegistryState(s: RegistryState): URLSearchParams {
  const params = new URLSearchParams();
  if (s.tab !== 'residents') params.set('tab', s.tab);
  const f = s.filters;
  const entries: [string, string | number | undefined][] = [
    ['q', text(f.q, RESIDENT_SEARCH_LIMITS.q)],
    ['address', text(f.address, RESIDENT_SEARCH_LIMITS.address)],
    ['tags', tagList(f.tags)],
    ['residentType', f.residentType],
    ['status', f.status],
    ['tenure', f.tenure],
    ['areaId', f.areaId],
    ['ageMin', f.ageMin],
    ['ageMax', f.ageMax],
    ['political', f.political],
  ];
  for (const [k, v] of entries) if (v !== undefined) params.set(k, String(v));
  if (s.page > 1) params.set('page', String(s.page));
  if (s.pageSize !== 20) params.set('pageSize', String(s.pageSize));
  return params;
}
