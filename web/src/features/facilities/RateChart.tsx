import { Box } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { niceAxisMax } from './chart-scale.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export interface RateBar {
  name: string;
  value: number | null;
  /** The area itself, drawn darker than its parts. */
  whole?: boolean;
}

const BAR = 26;

/**
 * Horizontal bars of a rate per 10,000 by area, with the plan's target as a vertical mark line. SVG
 * rendering (crisp on a phone, text a browser test can read); resized with its container, disposed on unmount.
 */
export function RateChart({
  bars,
  target,
  targetLabel,
  format,
  label,
  testId,
}: {
  bars: RateBar[];
  target: number | null;
  targetLabel: string;
  format: (value: number) => string;
  /** What the chart shows, for screen readers (the figures are also in the page's text). */
  label: string;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const height = 70 + bars.length * BAR;

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
    const names = bars.map((b) => b.name);
    const end = niceAxisMax(
      bars.map((b) => b.value),
      target,
    );
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'item',
          valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '–'),
        },
        xAxis: {
          type: 'value',
          max: end,
          interval: end / 5,
          axisLabel: { formatter: (v: number) => format(v), color: '#333', hideOverlap: true },
        },
        yAxis: {
          type: 'category',
          inverse: true,
          data: names,
          axisLabel: { width: 130, overflow: 'truncate', color: '#222', interval: 0 },
        },
        series: [
          {
            type: 'bar',
            barMaxWidth: 18,
            data: bars.map((b) => ({
              value: b.value,
              itemStyle: { color: b.whole ? '#0b5e47' : '#3f9c86' },
            })),
            label: {
              show: true,
              position: 'right',
              color: '#222',
              formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? format(p.value) : '–'),
            },
            markLine:
              target === null
                ? undefined
                : {
                    symbol: 'none',
                    silent: true,
                    lineStyle: { color: '#b3261e', type: 'dashed', width: 2 },
                    // The y axis runs top-down (inverse), so the line's start is at the top.
                    label: {
                      formatter: targetLabel,
                      position: 'start',
                      color: '#b3261e',
                      fontWeight: 'bold',
                    },
                    data: [{ xAxis: target }],
                  },
          },
        ],
      },
      { notMerge: true },
    );
  }, [bars, target, targetLabel, format]);

  return <Box ref={ref} h={height} w="100%" role="img" aria-label={label} data-testid={testId} />;
}
