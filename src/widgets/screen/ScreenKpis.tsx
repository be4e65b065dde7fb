import type { KpiSpec } from '../../specs/types'
import { CountUp } from '../../ui/CountUp'
import { trendOf } from '../../ui/Figure'
import { useSpecView } from '../useSpecView'
import { WidgetFrame } from '../WidgetFrame'

/** A headline figure on the wall: the desk's spec in large type, counting up on change, at the latest data. */
export function ScreenKpi<R>({ spec, motion }: { readonly spec: KpiSpec<R>; readonly motion: boolean }) {
  const { rows, frame } = useSpecView(spec, {}, { wall: { id: spec.wallId } })
  const row = rows?.[0]
  const text = row ? spec.present(row) : null
  const trend = row && spec.trend ? trendOf(spec.trend(row)) : 'none'
  return (
    <WidgetFrame {...frame} showStale={row !== undefined} className="screen-kpi">
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
