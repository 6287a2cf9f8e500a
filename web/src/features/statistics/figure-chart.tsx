// One figure drawn by ECharts (SVG renderer): a pie, bars or lines of the rows the server
// sent, every label as the server wrote it. Only the modules the dashboard uses are loaded.

import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Figure } from '../../../../src/contract/statistics.schemas.ts';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

type Option = echarts.EChartsCoreOption;

/** The axis labels of long category names are cut, the whole name stays in the tooltip. */
const axisLabel = (many: boolean) => ({
  interval: 0,
  rotate: many ? 30 : 0,
  width: 96,
  overflow: 'truncate' as const,
});

function pieOption(f: Figure): Option {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        name: f.series[0]?.label ?? f.title,
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: f.rows.map((r) => ({ name: r.label, value: r.values[0] ?? 0 })),
      },
    ],
  };
}

function barOption(f: Figure): Option {
  const labels = f.rows.map((r) => r.label);
  const many = labels.length > 5;
  // 单位: decided and undecided stacked (their sum is the first series, 案件数).
  // 各阶段: the mean days on the left axis, the number of stints on the right.
  const stacked = f.id === 'unit';
  const twoAxes = f.id === 'stage';
  const shown = stacked ? f.series.slice(1) : f.series;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: twoAxes ? 48 : 16, top: 36, bottom: many ? 72 : 32 },
    xAxis: { type: 'category', data: labels, axisLabel: axisLabel(many) },
    yAxis: twoAxes
      ? [
          { type: 'value', name: '天' },
          { type: 'value', name: '次', minInterval: 1 },
        ]
      : [{ type: 'value', minInterval: 1 }],
    series: shown.map((s) => {
      const index = f.series.indexOf(s);
      return {
        name: s.label,
        type: 'bar',
        stack: stacked ? 'cases' : undefined,
        yAxisIndex: twoAxes ? index : 0,
        barMaxWidth: 40,
        data: f.rows.map((r) => r.values[index] ?? 0),
      };
    }),
  };
}

function lineOption(f: Figure): Option {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: f.rows.length > 4 ? 72 : 32 },
    xAxis: {
      type: 'category',
      data: f.rows.map((r) => r.label),
      boundaryGap: false,
      axisLabel: axisLabel(f.rows.length > 4),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: f.series.map((s, i) => ({
      name: s.label,
      type: 'line',
      smooth: false,
      symbolSize: 8,
      data: f.rows.map((r) => r.values[i] ?? 0),
    })),
  };
}

export function optionOf(f: Figure): Option {
  switch (f.chart) {
    case 'pie':
      return pieOption(f);
    case 'bar':
      return barOption(f);
    case 'line':
      return lineOption(f);
  }
}

export function FigureChart({ figure }: { figure: Figure }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption(optionOf(figure));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [figure]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={`${figure.title}图表`}
      data-figure={figure.id}
      data-rows={figure.rows.length}
      style={{ width: '100%', height: 320 }}
    />
  );
}
