import { REPORT_KEY_LABELS, type WorkReportDto } from '@linli/contracts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { formatRate } from '../figures/format';
import { useSession } from '../../app/session';
import { canOpen, figureLink } from '../reports/figure-links';

/** One card per figure of the report; each opens the list behind it. */
export function FigureCards({ report }: { report: WorkReportDto }) {
  const { t, locale } = useI18n();
  const { abilities } = useSession();
  return (
    // the gutter's negative side margins would push a phone's page 6 px wider than the screen
    <div style={{ overflowX: 'hidden' }}>
      <Row gutter={[12, 12]} data-testid="dashboard-figures">
        {report.keys.map((key) => {
          const f = report.figures[key]!;
          const link = figureLink(key, report.area);
          const to = link && canOpen(link, abilities) ? link : null;
          const card = (
            <Card size="small" hoverable={to !== null} style={{ height: '100%' }}>
              <Statistic title={REPORT_KEY_LABELS[key][locale]} value={f.value} />
              {f.rates && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('reports.rates', {
                    response: formatRate(f.rates.responseRate),
                    resolution: formatRate(f.rates.resolutionRate),
                    satisfaction: formatRate(f.rates.satisfactionRate),
                  })}
                </Typography.Text>
              )}
            </Card>
          );
          return (
            <Col key={key} xs={12} sm={8} lg={6} xl={4} data-testid={`figure-${key}`}>
              {to ? <Link to={to}>{card}</Link> : card}
            </Col>
          );
        })}
      </Row>
    </div>
  );
}
