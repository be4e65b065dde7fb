import type { EChartsOption } from '../../src/charts/common'
import { echarts } from '../../src/ui/echart/runtime'

/** Renders an option server-side to an SVG string with the app's own ECharts runtime and theme. */
export function renderSvg(option: EChartsOption, width = 800, height = 400, theme: 'light' | 'dark' = 'light'): string {
  const chart = echarts.init(null, `observatory-${theme}`, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ ...option, animation: false })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/** Calls a tooltip formatter the way ECharts would for one data item or an axis. */
export function tooltipOf(option: EChartsOption, params: unknown): string {
  const tooltip = option.tooltip as { formatter?: (p: unknown) => string }
  if (typeof tooltip.formatter !== 'function') throw new Error('no tooltip formatter')
  return tooltip.formatter(params)
}
