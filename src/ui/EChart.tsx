import { type ComponentType, lazy, Suspense } from 'react'

import type { EChartProps } from './echart/types'

export type { ChartSelection, EChartProps, EChartsOption, EChartsType } from './echart/types'

type ChartModule = { default: ComponentType<EChartProps> }
let loaded: ChartModule | null = null
let loading: Promise<ChartModule> | null = null

/**
 * ECharts arrives in its own chunk: the first paint does not wait for it. Start-up fetches
 * it while DuckDB starts (see main.tsx), so it is normally here before the first chart.
 */
export function preloadEChart(): Promise<ChartModule> {
  loading ??= import('./echart/EChartImpl').then((m) => (loaded = m))
  return loading
}

// A chart drawn once the chunk is here does not suspend at all: React reads a settled
// module at once, where a promise (even a fulfilled one) suspends the chart, shows the
// placeholder and reveals the chart on React's fallback throttle, up to 300 ms later.
const EChartImpl = lazy(() =>
  loaded
    ? ({ then: (resolve: (m: ChartModule) => void) => resolve(loaded!) } as unknown as Promise<ChartModule>)
    : preloadEChart(),
)

export function EChart(props: EChartProps) {
  return (
    <Suspense
      fallback={<div className="echart echart--loading" style={{ height: props.height }} aria-label={props.label} />}
    >
      <EChartImpl {...props} />
    </Suspense>
  )
}
