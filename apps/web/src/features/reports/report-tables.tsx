import { REPORT_KEY_LABELS, type ReportKey, type ReportValues, type WorkReportDto } from '@linli/contracts';
import { keysOf } from './report-keys';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { formatRate } from '../figures/format';
import { useSession } from '../../app/session';
import { canOpen, figureLink } from './figure-links';

const num = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('zh-CN'));

/** A figure's name, linked to the list behind it where there is one. */
export function FigureName({
  report,
  figure,
  part,
  children,
}: {
  report: WorkReportDto;
  figure: ReportKey;
  part?: string;
  children: string;
}) {
  const { abilities } = useSession();
  const to = figureLink(figure, report.area, part);
  return to && canOpen(to, abilities) ? <Link to={to}>{children}</Link> : <>{children}</>;
}

/** Every figure of the report: value, its parts and, for orders, the three rates. */
export function FiguresTable({ report }: { report: WorkReportDto }) {
  const { t, locale } = useI18n();
  return (
    <table className="report-table" data-testid="report-figures">
      <thead>
        <tr>
          <th>{t('reports.figure')}</th>
          <th className="num">{t('reports.value')}</th>
          <th>{t('reports.parts')}</th>
        </tr>
      </thead>
      <tbody>
        {report.keys.map((key) => {
          const f = report.figures[key]!;
          return (
            <tr key={key} data-testid={`report-row-${key}`}>
              <td>
                <FigureName report={report} figure={key}>
                  {REPORT_KEY_LABELS[key][locale]}
                </FigureName>
              </td>
              <td className="num">{num(f.value)}</td>
              <td className="parts">
                {f.by?.map((s, i) => (
                  <span key={s.key}>
                    {i > 0 && t('common.listSeparator')}
                    <FigureName report={report} figure={key} part={s.key}>{`${s.name} ${num(s.value)}`}</FigureName>
                  </span>
                ))}
                {f.rates &&
                  `${f.by?.length ? '；' : ''}${t('reports.rates', {
                    response: formatRate(f.rates.responseRate),
                    resolution: formatRate(f.rates.resolutionRate),
                    satisfaction: formatRate(f.rates.satisfactionRate),
                  })}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Rows of values under their figures' names: the comparison across areas, or the months. */
export function ValuesTable({
  head,
  rows,
  testId,
}: {
  head: string;
  rows: { key: string; name: React.ReactNode; values: ReportValues }[];
  testId: string;
}) {
  const { locale } = useI18n();
  const keys = keysOf(rows.map((r) => r.values));
  return (
    <table className="report-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{head}</th>
          {keys.map((k) => (
            <th key={k} className="num">
              {REPORT_KEY_LABELS[k][locale]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.name}</td>
            {keys.map((k) => (
              <td key={k} className="num">
                {num(r.values[k])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
