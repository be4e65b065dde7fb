/**
 * The ECharts runtime: only the chart types and components the app draws, through
 * echarts/core, so the charts chunk stays small. Loaded lazily with the first chart.
 */
import { BarChart, CustomChart, HeatmapChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts'
import {
  AriaComponent,
  DataZoomComponent,
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { LegacyGridContainLabel } from 'echarts/features'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'

import { echartsTheme, SCREEN_FONT } from '../../charts/theme'

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  HeatmapChart,
  ScatterChart,
  MapChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
  DataZoomComponent,
  MarkLineComponent,
  GeoComponent,
  GraphicComponent,
  AriaComponent,
  CanvasRenderer,
  SVGRenderer,
  // Our grids use containLabel (axis labels kept inside the chart); ECharts 6 moved it to a feature.
  LegacyGridContainLabel,
])
echarts.registerTheme('observatory-light', echartsTheme('light'))
echarts.registerTheme('observatory-dark', echartsTheme('dark'))
echarts.registerTheme('observatory-screen-light', echartsTheme('light', SCREEN_FONT))
echarts.registerTheme('observatory-screen-dark', echartsTheme('dark', SCREEN_FONT))

export { echarts }
