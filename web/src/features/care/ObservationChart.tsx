import { Box } from '@mantine/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { axisRange, type ChartLine, sortedPoints, timeOf } from './chart-series.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

const COLOURS = ['#0b5e47', '#1c5fa8', '#8a4b00', '#6b3fa0'];
const ALARM = '#b3261e';

/**
 * An observation over time (blood pressure's two lines, glucose, weight): SVG, so a phone draws it
 * crisply and a browser test can read it; the points alarming at the time are red. Resized with its
 * container, disposed on unmount.
 */
export function ObservationChart({
  lines,
  label,
  date,
  format,
  testId,
}: {
  lines: ChartLine[];
  /** What the chart shows, for screen readers (the values are also listed in the page's text). */
  label: string;
  date: (at: string) => string;
  format: (value: number) => string;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const range = axisRange(lines);
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 8, right: 16, top: lines.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
        legend: lines.length > 1 ? { top: 0, data: lines.map((l) => l.label) } : undefined,
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '–'),
        },
        xAxis: {
          type: 'time',
          axisLabel: {
            formatter: (v: number) => date(new Date(v).toISOString().slice(0, 10)),
            color: '#333',
            hideOverlap: true,
          },
        },
        yAxis: {
          type: 'value',
          min: range?.min,
          max: range?.max,
          axisLabel: { formatter: (v: number) => format(v), color: '#333' },
        },
        series: lines.map((line, i) => ({
          name: line.label,
          type: 'line',
          color: COLOURS[i % COLOURS.length],
          symbolSize: 7,
          data: sortedPoints(line.points).map((p) => ({
            value: [timeOf(p.at), p.value],
            symbolSize: p.alarming ? 12 : 7,
            itemStyle: p.alarming ? { color: ALARM } : undefined,
          })),
          markLine:
            line.threshold === undefined
              ? undefined
              : {
                  symbol: 'none',
                  silent: true,
                  label: { show: false },
                  lineStyle: { color: COLOURS[i % COLOURS.length], type: 'dashed', width: 1 },
                  data: [{ yAxis: line.threshold }],
                },
        })),
      },
      { notMerge: true },
    );
  }, [lines, date, format]);

  return <Box ref={ref} h={220} w="100%" role="img" aria-label={label} data-testid={testId} />;
}
