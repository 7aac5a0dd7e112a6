import { DownloadOutlined } from '@ant-design/icons';
import { FiguresGroupBy } from '@linli/contracts';
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { AreaSelect } from '../areas/area-select';
import { CompareChart } from './compare-chart';
import { useFigures, figuresExportUrl, type FiguresFilter } from './figures-api';
import { FiguresTable } from './figures-table';
import { KpiCards } from './kpi-cards';
import { MonthlyChart } from './monthly-chart';

const DATE = 'YYYY-MM-DD';

/** 工单统计: the three rates and the rest for the user's scope or one area, per month and per group, with Excel export. */
export default function FiguresPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<FiguresFilter>({ groupBy: 'service' });
  const figures = useFigures(filter);
  const data = figures.data;
  const range: [Dayjs, Dayjs] | null = data ? [dayjs(data.from), dayjs(data.to)] : null;

  return (
    <>
      <PageTitle
        extra={
          <Button icon={<DownloadOutlined />} href={figuresExportUrl(filter)} download data-testid="figures-export">
            {t('figures.export')}
          </Button>
        }
      >
        {t('figures.title')}
      </PageTitle>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('figures.intro')} {t('figures.help.averages')}
        </Typography.Paragraph>
        <Flex wrap gap={12} align="center">
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setFilter((f) => ({ ...f, from: v[0]!.format(DATE), to: v[1]!.format(DATE) }))}
            aria-label={t('figures.period')}
            data-testid="figures-period"
          />
          <AreaSelect
            value={filter.areaId}
            onChange={(areaId) => setFilter((f) => ({ ...f, areaId }))}
            kinds={['street', 'community', 'compound', 'grid']}
            placeholder={t('figures.area')}
            testId="figures-area"
            style={{ maxWidth: 320 }}
          />
        </Flex>
        {figures.isError && <Alert type="error" showIcon message={(figures.error as Error).message} />}
        {data && <KpiCards totals={data.totals} />}
        {data && (
          <Card size="small" title={t('figures.monthlyTitle')}>
            <MonthlyChart months={data.months} />
          </Card>
        )}
        <Card
          size="small"
          title={t('figures.compareTitle')}
          extra={
            <Segmented<FiguresGroupBy>
              value={filter.groupBy}
              onChange={(groupBy) => setFilter((f) => ({ ...f, groupBy }))}
              options={FiguresGroupBy.options.map((g) => ({ value: g, label: t(`figures.group.${g}`) }))}
              data-testid="figures-group-by"
            />
          }
        >
          <Row gutter={[16, 16]}>
            <Col span={24}>{data && data.rows.length > 0 && <CompareChart rows={data.rows} />}</Col>
            <Col span={24}>
              <FiguresTable rows={data?.rows ?? []} loading={figures.isFetching} />
            </Col>
          </Row>
        </Card>
      </Flex>
    </>
  );
}
