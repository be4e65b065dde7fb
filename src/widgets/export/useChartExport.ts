import { useEffect, useMemo, useRef } from 'react'

import type { ChartContext, EChartsOption } from '../../charts/common'
import type { ChartSpec } from '../../specs/types'
import { useCoordinator } from '../../state/coordinator-context'
import { useFilters } from '../../state/filters'
import { useTheme } from '../../state/theme'
import { type ChartExportSource, type ChartSnapshot, registerChart } from './registry'

/** What a chart widget shows, typed by its rows: the snapshot's fields but those the hook adds. */
export interface ChartExportInput<R> extends Omit<
  ChartSnapshot,
  'rows' | 'option' | 'spec' | 'theme' | 'filters' | 'coordinator'
> {
  readonly id: string
  readonly rows: readonly R[] | undefined
  readonly option: (rows: readonly R[], ctx: ChartContext) => EChartsOption
  readonly spec?: ChartSpec<R>
  /** Register for the briefing pack (not on the big screen). */
  readonly enabled: boolean
}

/**
 * A chart widget's export source: a snapshot of what it shows (rows, builder, theme,
 * filters). The exports themselves load with the first one (./actions).
 */
export function useChartExport<R>(input: ChartExportInput<R>): {
  source: ChartExportSource
  holder: React.RefObject<HTMLDivElement | null>
} {
  const theme = useTheme()
  const filters = useFilters()
  const coordinator = useCoordinator()
  const latest = useRef<ChartSnapshot | null>(null)
  const holder = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const { id: _id, enabled: _enabled, option, ...rest } = input
    const { spec, ...shown } = rest
    latest.current = {
      ...shown,
      ...(spec ? { spec: spec as unknown as ChartSpec<never> } : {}),
      option: option as ChartSnapshot['option'],
      theme,
      filters,
      coordinator,
    }
  })

  const source = useMemo<ChartExportSource>(
    () => ({
      id: input.id,
      snapshot: () => {
        if (!latest.current) throw new Error('图表尚未绘制')
        return latest.current
      },
      element: () => holder.current?.querySelector<HTMLElement>('.echart') ?? holder.current,
    }),
    [input.id],
  )

  const hasRows = input.rows !== undefined
  useEffect(() => (input.enabled && hasRows ? registerChart(source) : undefined), [source, input.enabled, hasRows])
  return { source, holder }
}
