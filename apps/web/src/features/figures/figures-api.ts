import { FiguresDto, type FiguresGroupBy } from '@linli/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api';

export type FiguresFilter = { groupBy: FiguresGroupBy; areaId?: string; from?: string; to?: string };

const query = (f: FiguresFilter) => ({ groupBy: f.groupBy, areaId: f.areaId, from: f.from, to: f.to });

export const figuresKeys = { figures: (f: FiguresFilter) => ['figures', f] as const };

export const getFigures = (f: FiguresFilter) => api.get('/api/figures', FiguresDto, query(f));

/** The workbook of the same figures, downloaded by the browser. */
export const figuresExportUrl = (f: FiguresFilter) => withQuery('/api/figures/export.xlsx', query(f));

export function useFigures(f: FiguresFilter, enabled = true) {
  return useQuery({ queryKey: figuresKeys.figures(f), queryFn: () => getFigures(f), placeholderData: keepPreviousData, enabled });
}
