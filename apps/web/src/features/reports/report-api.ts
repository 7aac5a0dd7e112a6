import { WorkReportDto } from '@linli/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n';
import { api, withQuery } from '../../lib/api';

/** Which report: an area by its code and a period (both dates included). */
export type ReportRequest = { area: string; from?: string; to?: string };

export const reportKeys = { work: (r: ReportRequest) => ['reports', 'work', r] as const };

export const getWorkReport = (r: ReportRequest) => api.get('/api/reports/work', WorkReportDto, r);

/** The workbook of the same report, downloaded by the browser. */
export const workReportXlsxUrl = (r: ReportRequest) => withQuery('/api/reports/work.xlsx', r);

/** The report in the user's language (the server names care tags, services and kinds): a switch fetches it again. */
export function useWorkReport(r: ReportRequest | null) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: [...reportKeys.work(r ?? { area: '' }), locale],
    queryFn: () => getWorkReport(r!),
    placeholderData: keepPreviousData,
    enabled: r !== null,
  });
}
