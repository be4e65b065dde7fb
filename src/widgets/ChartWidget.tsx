import { useCallback, useMemo, useRef, useState } from 'react'

import type { ChartContext, EChartsOption } from '../charts/common'
import type { SqlQuery } from '../queries/derived'
import type { ChartSpec } from '../specs/types'
import { useTheme } from '../state/theme'
import { type ChartSelection, EChart } from '../ui/EChart'
import { useChartSurface } from '../ui/echart/surface'
import { ChartExportMenu } from './export/ChartExportMenu'
import { useChartExport } from './export/useChartExport'
import { useWidgetQuery } from './useWidgetQuery'
import { WidgetFrame } from './WidgetFrame'

export interface ChartWidgetProps<R> {
  readonly id: string
  readonly title: string
  /** Unit and period, from the rows (e.g. "亿元 · 2026年1—10月"). */
  readonly subtitle?: (rows: readonly R[]) => string
  readonly tables: readonly string[]
  readonly sql: string | SqlQuery | null
  /** The pure option builder. */
  readonly option: (rows: readonly R[], ctx: ChartContext) => EChartsOption
  readonly height?: number
  readonly emptyText?: string
  readonly isEmpty?: (rows: readonly R[]) => boolean
  /** Keys selected on this chart's own dimension: shown highlighted. */
  readonly selected?: readonly string[]
  /** A click on an element: cross-filter by its key. */
  readonly onSelect?: (selection: ChartSelection) => void
  /** GeoJSON maps the option refers to, by name (they may depend on the rows, e.g. town centres). */
  readonly maps?: (rows: readonly R[]) => Readonly<Record<string, object>>
  /** Extra controls in the widget's header. */
  readonly actions?: React.ReactNode
  /** Text under the chart (a note on method, a source). */
  readonly footer?: React.ReactNode
  readonly className?: string
  /** Ask again by itself after a failure (the kiosk). */
  readonly retry?: boolean
  /** Cycle a highlight through the items, this often (the kiosk's motion). */
  readonly cycleMs?: number
  /** The spec it is drawn from, if any: exports and the briefing can use its words. */
  readonly spec?: ChartSpec<R>
}

/**
 * A chart widget: states its SQL, builds the option from the rows with a pure builder, and
 * draws it. While a new answer is computed the previous chart stays and is updated in place.
 * It reports `ready` only once the chart has drawn. Off the big screen it offers exports
 * (image, data) and takes part in the page's briefing pack.
 */
export function ChartWidget<R>({
  id,
  title,
  subtitle,
  tables,
  sql,
  option,
  height = 320,
  emptyText,
  isEmpty,
  selected,
  onSelect,
  maps,
  actions,
  footer,
  className,
  retry,
  cycleMs,
  spec,
}: ChartWidgetProps<R>) {
  const theme = useTheme()
  const surface = useChartSurface()
  const data = useWidgetQuery<R>({ tables, sql, ...(retry ? { retry } : {}) }, isEmpty)
  const [drawn, setDrawn] = useState(false)
  const onRendered = useCallback(() => setDrawn(true), [])
  // Current rows, or the last good ones while new ones come or after a failure.
  const rows =
    data.state === 'ready' ? data.rows : data.state === 'loading' || data.state === 'error' ? data.stale : undefined
  // The rows the chart last drew: an empty answer keeps that chart (hidden under the message).
  const drawnRows = useRef<readonly R[] | undefined>(undefined)
  if (rows) drawnRows.current = rows
  const chartRows = rows ?? (data.state === 'empty' ? drawnRows.current : undefined)
  const state = data.state === 'ready' && !drawn ? 'loading' : data.state
  const mapsOf = useMemo(() => (maps && chartRows ? maps(chartRows) : undefined), [maps, chartRows])
  // The option only changes with the rows, the theme or the selection: an unchanged chart costs nothing on a re-render.
  const selectedKey = selected?.join('\u0000')
  const built = useMemo(
    () => (chartRows ? option(chartRows, { theme, font: surface.font, ...(selected ? { selected } : {}) }) : null),
    // `selected` is covered by selectedKey; `option` is a module-level builder or a memoised one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [chartRows, theme, selectedKey, option, surface.font],
  )
  const subtitleText = rows && subtitle ? subtitle(rows) : undefined
  // Exports rebuild the option from the same rows with the same builder (for print: the light theme).
  const exporting = useChartExport<R>({
    id,
    title,
    ...(subtitleText ? { subtitle: subtitleText } : {}),
    tables,
    rows,
    option,
    ...(selected ? { selected } : {}),
    ...(spec ? { spec } : {}),
    enabled: !surface.screen,
  })
  const menu = !surface.screen && built && rows ? <ChartExportMenu source={exporting.source} title={title} /> : null
  return (
    <WidgetFrame
      id={id}
      title={title}
      subtitle={subtitleText}
      state={state}
      tables={tables}
      error={data.state === 'error' ? data.message : undefined}
      emptyText={emptyText}
      showStale={rows !== undefined}
      keepWhenEmpty={built !== null}
      className={className}
      actions={
        actions || menu ? (
          <>
            {actions}
            {menu}
          </>
        ) : undefined
      }
    >
      {built && (
        <div className="chart-widget__canvas" ref={exporting.holder}>
          <EChart
            label={title}
            option={built}
            theme={surface.screen ? `screen-${theme}` : theme}
            {...(surface.pixelRatio ? { devicePixelRatio: surface.pixelRatio } : {})}
            height={height}
            {...(mapsOf ? { maps: mapsOf } : {})}
            {...(onSelect ? { onSelect } : {})}
            onRendered={onRendered}
            {...(cycleMs ? { cycleMs } : {})}
          />
        </div>
      )}
      {rows && footer}
    </WidgetFrame>
  )
}
