import type { AreaKind } from '@linli/contracts';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../app/session';
import { PERIOD_PRESETS, type PeriodPreset, presetPeriod } from './period';
import type { ReportRequest } from './report-api';

const REPORT_KINDS: readonly AreaKind[] = ['district', 'street', 'community', 'grid'];
const CODE = /^\d{6}(\d{3}){0,3}$/;

/** The area (by code) and period preset of a report page, kept in the address; the user's own area by default. */
export function useReportParams() {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const own = me.scopes.find((s) => s.areaCode && s.areaKind && REPORT_KINDS.includes(s.areaKind))?.areaCode ?? null;
  const asked = params.get('area');
  const area = asked && CODE.test(asked) ? asked : own;
  const period = params.get('period');
  const preset: PeriodPreset = PERIOD_PRESETS.find((p) => p === period) ?? 'year';
  const request: ReportRequest | null = area ? { area, ...presetPeriod(preset) } : null;
  const set = (next: { area?: string; preset?: PeriodPreset }) =>
    setParams({ area: next.area ?? area ?? '', period: next.preset ?? preset }, { replace: next.area === undefined });
  return { area, preset, request, set };
}
