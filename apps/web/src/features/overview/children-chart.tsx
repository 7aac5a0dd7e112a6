import type { AreaNodeDto } from '@linli/contracts';
import { Empty, Spin } from 'antd';
import { useMemo } from 'react';
import { PRIMARY } from '../../app/brand';
import { useI18n } from '../../app/i18n';
import { EChart, type ChartOption } from '../../components/echart';
import { areaKindLabel } from '../../lib/labels';
import { useAreaList } from '../areas/area-api';
import { countByKind } from './count-by-kind';

/** Bar chart of the parent's child nodes per kind: exactly what GET /api/areas?parentId= answers. */
export function ChildrenChart({ parent }: { parent: AreaNodeDto }) {
  const { t, locale } = useI18n();
  const children = useAreaList({ parentId: parent.id }, parent.childCount > 0);
  const counts = useMemo(() => countByKind(children.data ?? []), [children.data]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: counts.map((c) => areaKindLabel(c.kind, locale)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('overview.count'), data: counts.map((c) => c.count), itemStyle: { color: PRIMARY }, barMaxWidth: 56 },
      ],
    }),
    [counts, locale, t],
  );
  if (parent.childCount === 0) return <Empty description={t('overview.noChildren')} />;
  if (children.isPending) return <Spin />;
  return <EChart option={option} label={t('overview.childrenByKind')} testId="overview-chart" />;
}
