import { GRID } from '../../charts/common'
import { echarts } from './runtime'

/** The map the warm-up draws on (two squares); nothing else uses it. */
const WARM_MAP = 'observatory-warm-up'

/**
 * The first chart of each kind costs far more than the next: the browser compiles the
 * ECharts code it runs on first use. At start-up the page waits about two seconds for the
 * data engine with nothing to do, so one small chart of each kind the dashboards draw is
 * drawn there, off screen, and thrown away; the real charts then run code already compiled.
 */
export function warmChartsWhileIdle(): void {
  if (typeof document === 'undefined' || typeof requestIdleCallback !== 'function') return
  // A box of no size that clips its content: the chart inside has its size, but adds nothing
  // to the page's layout or scrollable area while it is there.
  const box = document.createElement('div')
  box.setAttribute('aria-hidden', 'true')
  box.style.cssText =
    'position:fixed;left:0;top:0;width:0;height:0;overflow:hidden;visibility:hidden;pointer-events:none'
  const el = document.createElement('div')
  el.style.cssText = 'width:480px;height:320px'
  box.appendChild(el)
  document.body.appendChild(box)
  const chart = echarts.init(el, 'observatory-light', { renderer: 'canvas', locale: 'ZH' })
  const categories = ['一', '二', '三', '四', '五', '六']
  const steps: (() => void)[] = [
    () =>
      chart.setOption({
        grid: GRID,
        legend: { top: 0 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: categories },
        yAxis: [
          { type: 'value', name: '亿元' },
          { type: 'value', name: '同比' },
        ],
        series: [
          { type: 'bar', name: '甲', data: [5, 8, 3, 6, 2, 7], label: { show: true } },
          {
            type: 'line',
            name: '乙',
            yAxisIndex: 1,
            data: [1, 3, 2, 4, 3, 5],
            markLine: { silent: true, data: [{ yAxis: 2 }] },
          },
        ],
      }),
    () =>
      chart.setOption(
        {
          tooltip: { trigger: 'item' },
          legend: { bottom: 0 },
          series: [
            {
              type: 'pie',
              radius: ['40%', '70%'],
              data: categories.map((name, i) => ({ name, value: i + 1 })),
              label: { formatter: '{b}\n{d}%' },
            },
          ],
        },
        { notMerge: true },
      ),
    () =>
      chart.setOption(
        {
          grid: { ...GRID, top: 8, bottom: 48 },
          tooltip: {},
          xAxis: { type: 'category', data: categories, splitArea: { show: true } },
          yAxis: { type: 'category', data: categories, splitArea: { show: true } },
          visualMap: { min: -5, max: 5, orient: 'horizontal', left: 'center', bottom: 0 },
          series: [
            {
              type: 'heatmap',
              label: { show: true },
              data: categories.flatMap((_, x) => categories.map((__, y) => [x, y, (x - y) % 5])),
            },
          ],
        },
        { notMerge: true },
      ),
    () => {
      // The town map's kinds: a map with scatter points on its geo, a continuous visual map, a text graphic.
      const square = (name: string, x: number) => ({
        type: 'Feature' as const,
        properties: { name },
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [x, 0],
              [x + 1, 0],
              [x + 1, 1],
              [x, 1],
              [x, 0],
            ],
          ],
        },
      })
      echarts.registerMap(WARM_MAP, {
        type: 'FeatureCollection',
        features: [square('甲', 0), square('乙', 1)],
      } as Parameters<typeof echarts.registerMap>[1])
      chart.setOption(
        {
          tooltip: { trigger: 'item' },
          legend: { bottom: 0 },
          visualMap: {
            type: 'continuous',
            min: 0,
            max: 10,
            seriesIndex: 0,
            left: 0,
            top: 0,
            text: ['产值', ''],
            calculable: false,
          },
          geo: { map: WARM_MAP, roam: false, label: { show: true } },
          series: [
            {
              type: 'map',
              geoIndex: 0,
              data: [
                { name: '甲', value: 3 },
                { name: '乙', value: 8 },
              ],
            },
            {
              type: 'scatter',
              name: '观察点',
              coordinateSystem: 'geo',
              data: [
                [0.5, 0.5],
                [1.5, 0.5],
              ],
            },
          ],
          graphic: [{ type: 'text', right: 8, top: 4, style: { text: '示意图' } }],
        },
        { notMerge: true },
      )
    },
  ]
  const next = () => {
    const step = steps.shift()
    if (!step) {
      chart.dispose()
      box.remove()
      return
    }
    try {
      step()
    } catch {
      // A warm-up that fails costs nothing but the warm-up.
    }
    requestIdleCallback(next, { timeout: 2000 })
  }
  requestIdleCallback(next, { timeout: 2000 })
}
