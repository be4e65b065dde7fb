import { useMemo } from 'react'

import type { ChartContext, EChartsOption } from '../../charts/common'
import { forScreen } from '../../charts/screen'
import type { TownMapRow } from '../../queries/overview'
import { LATEST } from '../../queries/scope'
import { TOWN_MAP } from '../../specs/overview'
import { wallQuery } from '../../specs/page'
import type { ChartSpec } from '../../specs/types'
import { ChartWidget, type ChartWidgetProps } from '../ChartWidget'
import { useTownMapChart } from '../overview/TownMap'

/**
 * The wall's charts: the desk's specs (so the figures are the same ones), worded for the wall
 * where their spec says so, at the latest period with no filters, asking again by themselves
 * after a failure, and with a cycling highlight where it helps the eye.
 */
export interface ScreenChartProps {
  /** The chart's size in design pixels. */
  readonly width: number
  readonly height: number
  readonly motion: boolean
}

/** How long each highlighted item stays, when motion is on. */
export const CYCLE_MS = 4000

interface SpecProps<R> extends ScreenChartProps, Partial<Pick<ChartWidgetProps<R>, 'option' | 'maps' | 'subtitle'>> {
  readonly spec: ChartSpec<R>
}

export function ScreenChart<R>({ spec, width, height, motion, ...own }: SpecProps<R>) {
  const wall = spec.wall!
  const option = own.option ?? spec.option
  const adapted = useMemo(
    () =>
      wall.adapt === false
        ? option
        : (rows: readonly R[], ctx: ChartContext): EChartsOption =>
            forScreen(option(rows, ctx), { width, height, font: ctx.font ?? 24 }),
    [wall.adapt, option, width, height],
  )
  const query = useMemo(() => wallQuery(spec), [spec])
  const isEmpty = wall.isEmpty ?? spec.isEmpty
  const maps = own.maps ?? spec.maps
  return (
    <ChartWidget<R>
      id={wall.id}
      title={wall.title ?? spec.title}
      subtitle={own.subtitle ?? wall.subtitle ?? ((rows) => spec.subtitle?.(rows, LATEST) ?? '')}
      tables={query.tables}
      sql={query}
      option={adapted}
      {...(isEmpty ? { isEmpty } : {})}
      {...(wall.emptyText ? { emptyText: wall.emptyText } : {})}
      {...(maps ? { maps } : {})}
      height={height}
      retry
      className="screen-panel__widget"
      {...(motion && wall.cycle ? { cycleMs: CYCLE_MS } : {})}
    />
  )
}

/** The towns with their points and projects: the desk's map without its controls. */
export function ScreenTownMap(p: ScreenChartProps) {
  const { boundaries, maps, option } = useTownMapChart()
  return (
    <ScreenChart<TownMapRow>
      spec={TOWN_MAP}
      {...(boundaries ? { subtitle: () => `观察点与重点项目 · 边界：${boundaries.fileName}` } : {})}
      option={option}
      maps={maps}
      {...p}
    />
  )
}
