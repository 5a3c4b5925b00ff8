// ECharts, with only the parts the UI draws (tree-shaken): radar, line and bar charts, drawn on
// canvas. Every chart goes through Chart.svelte.
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import * as parts from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  RadarChart,
  parts.DatasetComponent,
  parts.GridComponent,
  parts.LegendComponent,
  parts.MarkLineComponent,
  parts.RadarComponent,
  parts.TitleComponent,
  parts.TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

export { palette } from './palette';
