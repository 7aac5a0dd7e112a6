import { ErrorBody, WorkReportDto, WorkReportQuery } from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import { XLSX_TYPE, XlsxBody, attachment } from '../exports/xlsx-http.js';
import type { ModuleRoutes } from '../module.js';
import { exportWorkReport } from './verbs/export-work-report.js';
import { getWorkReport } from './verbs/get-work-report.js';

const tags = ['reports'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The work report (工作报告) of an area, as JSON and as Excel; the dashboard reads the same JSON. */
export const reportRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/reports/work',
    {
      schema: {
        tags,
        summary: 'The work report of a district, street, community or grid (by area code) for a period: figures by stable key',
        querystring: WorkReportQuery,
        response: { 200: WorkReportDto, ...errors },
      },
    },
    async (req) => getWorkReport({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/reports/work.xlsx',
    {
      schema: {
        tags,
        summary: 'The same report as an Excel workbook',
        querystring: WorkReportQuery,
        response: { 200: XlsxBody, ...errors },
      },
    },
    async (req, reply) => {
      const r = await exportWorkReport({ ctx: req.auth, input: req.query });
      const days = `${r.from.replaceAll('-', '')}-${r.to.replaceAll('-', '')}`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`work-report-${r.code}-${days}.xlsx`, `${r.name}工作报告-${r.from}-${r.to}.xlsx`))
        .send(r.workbook);
    },
  );
};
