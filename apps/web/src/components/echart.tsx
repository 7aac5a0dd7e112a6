import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { FONT_FAMILY } from '../app/brand';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** A thin ECharts host: created on mount, updated with the option, resized with the box, disposed on unmount. */
export function EChart({
  option,
  label,
  height = 280,
  testId,
  onClick,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  testId?: string;
  /** a click on a data item (a bar, a point), by its index on the category axis */
  onClick?: (dataIndex: number) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clicked = useRef(onClick);
  useEffect(() => {
    clicked.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => clicked.current?.(p.dataIndex));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT_FAMILY }, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={host}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
      data-testid={testId}
      role="img"
      aria-label={label}
    />
  );
}
