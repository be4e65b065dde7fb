import type { EChartsType } from 'echarts/core'
import EChartsReactCore from 'echarts-for-react/esm/core'
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'

import { offerChart } from '../../lib/test-hooks'
import { echarts } from './runtime'
import { still } from './still'
import type { EChartProps } from './types'

type GeoJSON = Parameters<typeof echarts.registerMap>[1]
const registeredMaps = new WeakMap<object, string>()

/**
 * After the chart is rebuilt under a resting mouse, zrender still holds the old element as
 * "hovered" and sends it a mouseout on the next move, which fails inside ECharts
 * (getRawIndex of undefined: the element's series is gone). No public API clears it, so we
 * do, defensively: if zrender changes shape, this does nothing.
 */
function forgetHovered(chart: EChartsType) {
  const zr = chart.getZr() as unknown as { handler?: { _hovered?: { target?: unknown } } } | null
  const handler = zr?.handler
  if (handler?._hovered && typeof handler._hovered === 'object') handler._hovered.target = undefined
}

/** The library disposes and re-creates the chart on a theme change; until the new one is ready the old is dead. */
const live = (chart: EChartsType | null): chart is EChartsType => chart !== null && !chart.isDisposed()

const reinitOnly = (
  prev: { theme?: unknown; opts?: Record<string, unknown> },
  next: { theme?: unknown; opts?: Record<string, unknown> },
) => prev.theme !== next.theme || JSON.stringify(prev.opts) !== JSON.stringify(next.opts)

/** Whether the chart's element now has another size than the chart was drawn at (measured as zrender measures it). */
export function sizeChanged(chart: Pick<EChartsType, 'getDom' | 'getWidth' | 'getHeight'>): boolean {
  const dom = chart.getDom()
  const style = getComputedStyle(dom)
  const width = dom.clientWidth - (parseInt(style.paddingLeft, 10) || 0) - (parseInt(style.paddingRight, 10) || 0)
  const height = dom.clientHeight - (parseInt(style.paddingTop, 10) || 0) - (parseInt(style.paddingBottom, 10) || 0)
  return width !== chart.getWidth() || height !== chart.getHeight()
}

/**
 * echarts-for-react first creates a throw-away chart, waits until it has drawn a frame,
 * disposes it and only then creates the real one, to learn the element's size. Our options
 * give width and height as 'auto', so there is nothing to learn: the real chart is created
 * at once (one chart per element instead of two, and a frame sooner). The override is the
 * library's own public method; everything else about the component stays the library's.
 */
class EChartsCore extends EChartsReactCore {
  override initEchartsInstance() {
    return Promise.resolve(
      this.echarts.init(this.ele, this.props.theme, this.props.opts) as ReturnType<
        EChartsReactCore['getEchartsInstance']
      >,
    )
  }
}

interface ClickParams {
  readonly data?: unknown
  readonly name?: string
  readonly seriesName?: string
}

/**
 * The one ECharts wrapper (through echarts-for-react's core, so only the chart types we
 * register are bundled): its lifecycle is the library's, but for creating the chart once
 * (EChartsCore); resizing follows the element through a ResizeObserver, and the option is
 * updated in place rather than re-created.
 */
export default function EChartImpl({
  option,
  theme,
  height,
  renderer = 'canvas',
  devicePixelRatio,
  maps,
  onSelect,
  onRendered,
  onInstance,
  label,
  cycleMs,
}: EChartProps) {
  const holder = useRef<HTMLDivElement>(null)
  const instance = useRef<EChartsType | null>(null)

  // Maps must be registered before an option that uses them is set.
  for (const [name, geo] of Object.entries(maps ?? {})) {
    if (registeredMaps.get(geo) !== name) {
      echarts.registerMap(name, geo as GeoJSON)
      registeredMaps.set(geo, name)
    }
  }

  const onEvents = useMemo(() => {
    const events: Record<string, (params: ClickParams) => void> = {}
    if (onSelect) {
      events.click = (params) => {
        const data = params.data as { key?: string } | undefined
        const key = data && typeof data === 'object' && 'key' in data ? data.key : undefined
        onSelect({ key: key ?? params.name ?? '', name: params.name ?? '', series: params.seriesName ?? '' })
      }
    }
    return events
  }, [onSelect])

  // Resize with the element (grid cells, the big-screen canvas), not only with the window.
  useEffect(() => {
    const el = holder.current
    if (!el) return
    const observer = new ResizeObserver(() => {
      const chart = instance.current
      // An observer reports the element's size once when it starts, which is the size the
      // chart was just drawn at: ECharts' resize would lay out and draw the whole chart
      // again for nothing (about as long as its first drawing).
      if (live(chart) && sizeChanged(chart)) chart.resize()
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  useEffect(() => () => onInstance?.(null), [onInstance])

  // Cycle a highlight through the first series (one interval, cleared on change and unmount).
  useEffect(() => {
    if (!cycleMs) return
    let i = -1
    const timer = setInterval(() => {
      const chart = instance.current
      if (!live(chart)) return
      const series = (chart?.getOption() as { series?: { data?: unknown[] }[] } | undefined)?.series?.[0]
      const count = series?.data?.length ?? 0
      if (count === 0) return
      if (i >= 0) chart.dispatchAction({ type: 'downplay', seriesIndex: 0, dataIndex: i })
      i = (i + 1) % count
      chart.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: i })
      chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i })
    }, cycleMs)
    return () => clearInterval(timer)
  }, [cycleMs, option])

  // Option updates are ours: hide the tooltip first (ECharts otherwise re-shows it for the
  // old data under a resting mouse and fails), then replace the option, drawn next frame,
  // at once (see still).
  const shown = useRef(option)
  useLayoutEffect(() => {
    const chart = instance.current
    if (!live(chart) || shown.current === option) return
    shown.current = option
    chart.dispatchAction({ type: 'hideTip' })
    chart.setOption(still(option), { notMerge: true, lazyUpdate: true })
    forgetHovered(chart)
  }, [option])

  // Width and height 'auto': the chart takes its element's size whenever it is resized.
  // (echarts-for-react creates the chart with the element's first size fixed in its options
  // unless these say otherwise, and a chart with a fixed size never follows its element.)
  const opts = useMemo(
    () => ({
      renderer,
      ...(devicePixelRatio ? { devicePixelRatio } : {}),
      locale: 'ZH',
      width: 'auto' as const,
      height: 'auto' as const,
    }),
    [renderer, devicePixelRatio],
  )
  return (
    <div ref={holder} className="echart" role="img" aria-label={label} style={{ height }}>
      <EChartsCore
        echarts={echarts}
        option={option}
        notMerge
        // The library re-creates the chart when the theme or renderer options change; plain
        // option changes are applied by the effect above.
        shouldSetOption={reinitOnly}
        theme={`observatory-${theme}`}
        opts={opts}
        autoResize={false}
        style={{ height: '100%', width: '100%' }}
        onEvents={onEvents}
        onChartReady={(chart: EChartsType) => {
          instance.current = chart
          // The library drew the latest option when it (re)created the chart.
          shown.current = option
          // Browser tests find chart elements' pixels and click them for real (behind the test flag).
          if (holder.current) offerChart(holder.current, chart)
          onInstance?.(chart)
          onRendered?.()
        }}
      />
    </div>
  )
}
