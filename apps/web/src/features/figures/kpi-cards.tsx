import type { FigureSet } from '@linli/contracts';
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../app/i18n';
import { useI18n } from '../../app/i18n';
import { durationOf, formatRate } from './format';

type RateKey = keyof FigureSet['rates'];
const RATES: [RateKey, MessageKey, MessageKey][] = [
  ['responseRate', 'figures.rate.response', 'figures.help.response'],
  ['resolutionRate', 'figures.rate.resolution', 'figures.help.resolution'],
  ['satisfactionRate', 'figures.rate.satisfaction', 'figures.help.satisfaction'],
  ['onTimeCloseRate', 'figures.rate.onTimeClose', 'figures.help.onTimeClose'],
  ['reworkRate', 'figures.rate.rework', 'figures.help.rework'],
  ['extensionRate', 'figures.rate.extension', 'figures.help.extension'],
];
const AVERAGES: [keyof FigureSet['averages'], MessageKey][] = [
  ['placedToDispatched', 'figures.avg.toDispatch'],
  ['dispatchedToAccepted', 'figures.avg.toAccept'],
  ['acceptedToHandled', 'figures.avg.toHandle'],
  ['placedToClosed', 'figures.avg.toClose'],
];
const UNIT_KEY = { minutes: 'figures.minutes', hours: 'figures.hours', days: 'figures.days' } as const;

/** The six rates (each with its definition on hover), the counts behind them and the average times. */
export function KpiCards({ totals }: { totals: FigureSet }) {
  const { t } = useI18n();
  const duration = (minutes: number | null) => {
    const d = durationOf(minutes);
    return d ? t(UNIT_KEY[d.unit], { n: d.n }) : '—';
  };
  const span = { xs: 12, sm: 8, lg: 4 };
  return (
    <Row gutter={[12, 12]} data-testid="figures-kpis">
      {RATES.map(([key, label, help]) => (
        <Col key={key} {...span}>
          <Card size="small">
            <Statistic
              title={
                <Tooltip title={t(help)}>
                  {t(label)} <QuestionCircleOutlined />
                </Tooltip>
              }
              value={formatRate(totals.rates[key])}
              data-testid={`kpi-${key}`}
            />
          </Card>
        </Col>
      ))}
      {(
        [
          ['figures.placed', totals.counts.placed],
          ['figures.dispatched', totals.counts.dispatched],
          ['figures.closed', totals.counts.closed],
          ['figures.rated', totals.counts.rated],
        ] as const
      ).map(([label, value]) => (
        <Col key={label} xs={12} sm={6} lg={3}>
          <Card size="small">
            <Statistic title={t(label)} value={value} valueStyle={{ fontSize: 20 }} />
          </Card>
        </Col>
      ))}
      {AVERAGES.map(([key, label]) => (
        <Col key={key} xs={12} sm={6} lg={3}>
          <Card size="small">
            <Statistic title={t(label)} value={duration(totals.averages[key])} valueStyle={{ fontSize: 20, whiteSpace: 'nowrap' }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
