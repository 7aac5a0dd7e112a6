import type { FiguresRow } from '@linli/contracts';
import { Empty, Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../app/i18n';
import { formatRate } from './format';

const hours = (minutes: number | null) => (minutes === null ? '—' : String(Math.round(minutes / 6) / 10));

/** One line per group with its counts, rates and average times (hours), largest first. */
export function FiguresTable({ rows, loading }: { rows: readonly FiguresRow[]; loading: boolean }) {
  const { t } = useI18n();
  const rate = (pick: (r: FiguresRow) => number | null) => (_: unknown, r: FiguresRow) => formatRate(pick(r));
  const columns: TableColumnsType<FiguresRow> = [
    { key: 'name', title: t('figures.col.name'), dataIndex: 'name', fixed: 'left' },
    { key: 'placed', title: t('figures.placed'), render: (_, r) => r.counts.placed, align: 'right' },
    { key: 'dispatched', title: t('figures.dispatched'), render: (_, r) => r.counts.dispatched, align: 'right' },
    { key: 'response', title: t('figures.rate.response'), render: rate((r) => r.rates.responseRate), align: 'right' },
    { key: 'closed', title: t('figures.closed'), render: (_, r) => r.counts.closed, align: 'right' },
    { key: 'resolution', title: t('figures.rate.resolution'), render: rate((r) => r.rates.resolutionRate), align: 'right' },
    { key: 'satisfaction', title: t('figures.rate.satisfaction'), render: rate((r) => r.rates.satisfactionRate), align: 'right' },
    { key: 'onTime', title: t('figures.rate.onTimeClose'), render: rate((r) => r.rates.onTimeCloseRate), align: 'right' },
    { key: 'rework', title: t('figures.rate.rework'), render: rate((r) => r.rates.reworkRate), align: 'right' },
    { key: 'extension', title: t('figures.rate.extension'), render: rate((r) => r.rates.extensionRate), align: 'right' },
    { key: 'toClose', title: t('figures.col.toCloseHours'), render: (_, r) => hours(r.averages.placedToClosed), align: 'right' },
  ];
  return (
    <Table
      rowKey={(r) => r.key ?? '—'}
      data-testid="figures-table"
      loading={loading}
      dataSource={[...rows]}
      columns={columns}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <Empty description={t('figures.empty')} /> }}
      scroll={{ x: 'max-content' }}
      size="small"
    />
  );
}
