// ECharts, with only the parts the UI draws (tree-shaken): radar, line and bar charts, drawn on
// canvas. Every chart goes through Chart.svelte.
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  RadarChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

/** Colours shared by the charts: as-is, to-be, then one per further series. */
export const palette = ['#1d4ed8', '#c2410c', '#0e7490', '#6d28d9', '#15803d', '#b45309', '#be185d', '#475569', '#0f766e', '#7c3aed'];
