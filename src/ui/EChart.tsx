import { lazy, Suspense } from 'react'
import type { EChartProps } from './echart/types'

export type { ChartSelection, EChartProps, EChartsOption, EChartsType } from './echart/types'

// ECharts arrives in its own chunk with the first chart: the first paint does not wait for it.
const EChartImpl = lazy(() => import('./echart/EChartImpl'))

export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<div className="echart echart--loading" style={{ height: props.height }} aria-label={props.label} />}>
      <EChartImpl {...props} />
    </Suspense>
  )
}
