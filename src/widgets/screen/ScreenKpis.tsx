import { LATEST } from '../../queries/scope'
import { type KpiSpec, viewQuery } from '../../specs/types'
import { CountUp } from '../../ui/CountUp'
import { trendOf } from '../../ui/Figure'
import { rowsOf, useQueryData } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'

/** A headline figure on the wall: the desk's spec in large type, counting up on change, at the latest data. */
export function ScreenKpi<R>({ spec, motion }: { readonly spec: KpiSpec<R>; readonly motion: boolean }) {
  const query = viewQuery(spec, LATEST)
  const data = useQueryData<R>(query, undefined, { retry: true })
  const row = rowsOf(data)?.[0]
  const text = row ? spec.present(row) : null
  const trend = row && spec.trend ? trendOf(spec.trend(row)) : 'none'
  return (
    <WidgetFrame
      id={spec.wallId}
      title={spec.title}
      state={data.state}
      tables={query.tables}
      showStale={row !== undefined}
      className="screen-kpi"
      error={data.state === 'error' ? data.message : undefined}
    >
      {row && text && (
        <div className="screen-kpi__figure">
          <p className="screen-kpi__value">
            <CountUp
              value={spec.count.value(row)}
              // Formatted the desk's way: the row with the counting number in its place.
              render={(n) => spec.present(spec.count.withValue(row, n)).value}
              enabled={motion}
              className="screen-kpi__number"
            />
            <span className="screen-kpi__unit">{text.unit}</span>
          </p>
          {text.lines.map((line, i) => (
            <p key={i} className={`screen-kpi__line${i === 1 && spec.trend ? ` delta delta--${trend}` : ''}`}>
              {line}
            </p>
          ))}
        </div>
      )}
    </WidgetFrame>
  )
}

/** Several headline figures, stacked (the Overview's five on the wall's first page). */
export function ScreenKpis({
  specs,
  motion,
}: {
  readonly specs: readonly KpiSpec<unknown>[]
  readonly motion: boolean
}) {
  return (
    <div className="screen-kpis">
      {specs.map((spec) => (
        <ScreenKpi key={spec.id} spec={spec} motion={motion} />
      ))}
    </div>
  )
}
