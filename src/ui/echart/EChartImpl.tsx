import EChartsReactCore from 'echarts-for-react/esm/core'
import type { EChartsType } from 'echarts/core'
import { useEffect, useMemo, useRef } from 'react'
import { echarts } from './runtime'
import type { EChartProps } from './types'

type GeoJSON = Parameters<typeof echarts.registerMap>[1]
const registeredMaps = new WeakMap<object, string>()

const REPLACED = ['series', 'xAxis', 'yAxis', 'grid', 'legend', 'visualMap', 'title', 'graphic', 'geo', 'dataZoom']

interface ClickParams {
  readonly data?: unknown
  readonly name?: string
  readonly seriesName?: string
}

/**
 * The one ECharts wrapper (through echarts-for-react's core, so only the chart types we
 * register are bundled): init and dispose are the library's, resizing follows the element
 * through a ResizeObserver, and the option is updated in place rather than re-created.
 */
export default function EChartImpl({ option, theme, height, renderer = 'canvas', devicePixelRatio, maps, onSelect, onRendered, onInstance, label }: EChartProps) {
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
    const observer = new ResizeObserver(() => instance.current?.resize())
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  useEffect(() => () => onInstance?.(null), [onInstance])

  const opts = useMemo(() => ({ renderer, ...(devicePixelRatio ? { devicePixelRatio } : {}), locale: 'ZH' }), [renderer, devicePixelRatio])
  return (
    <div ref={holder} className="echart" role="img" aria-label={label} style={{ height }}>
      <EChartsReactCore
        echarts={echarts}
        option={option}
        // Replace what the builders own wholesale, keep the rest: much cheaper than rebuilding the chart.
        replaceMerge={REPLACED}
        // Updates wait for the next frame, so several charts changing at once draw together.
        lazyUpdate
        theme={`observatory-${theme}`}
        opts={opts}
        autoResize={false}
        style={{ height: '100%', width: '100%' }}
        onEvents={onEvents}
        onChartReady={(chart: EChartsType) => {
          instance.current = chart
          // Browser tests set this flag before the app loads, to find chart elements' pixels and click them for real.
          if ((window as { __OBSERVATORY_TEST__?: boolean }).__OBSERVATORY_TEST__ && holder.current) {
            Object.defineProperty(holder.current, '__chart', { value: chart, configurable: true })
          }
          onInstance?.(chart)
          onRendered?.()
        }}
      />
    </div>
  )
}
