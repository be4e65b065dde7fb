import type { FilterSet } from '../../queries/filters'
import { KPIS } from '../../specs/kpis'
import type { KpiSpec } from '../../specs/types'
import { Delta, Figure, ProgressBar, trendOf } from '../../ui/Figure'
import { useSpecData } from '../useSpecData'
import { WidgetFrame } from '../WidgetFrame'

/** One headline figure on the desk, from its spec: the number, the lines under it, and its bar. */
function KpiCard<R>({ spec, filters }: { readonly spec: KpiSpec<R>; readonly filters: FilterSet }) {
  const { data, query } = useSpecData(spec, filters)
  const row = data.state === 'ready' ? data.rows[0]! : null
  const text = row ? spec.present(row) : null
  // The second line states a change (coloured by its sign) or, for some figures, a warning.
  const second = (r: R, line: string) =>
    spec.trend ? (
      <Delta text={line} trend={trendOf(spec.trend(r))} />
    ) : spec.warn?.(r) ? (
      <span className="warn">{line}</span>
    ) : (
      line
    )
  return (
    <WidgetFrame
      id={spec.id}
      title={spec.title}
      state={data.state}
      tables={query.tables}
      error={data.state === 'error' ? data.message : undefined}
      emptyText={spec.emptyText}
    >
      {row && text && (
        <Figure value={text.value} unit={text.unit} title={spec.hint}>
          {text.lines.map((line, i) => (
            <p key={i} className="figure__line">
              {i === 1 ? second(row, line) : line}
            </p>
          ))}
          {spec.progress && <ProgressBar ratio={spec.progress.ratio(row)} label={spec.progress.label} />}
        </Figure>
      )}
    </WidgetFrame>
  )
}

/** The Overview's headline row. Without a year or months in the filters, each figure shows its latest month. */
export function KpiRow({ filters }: { readonly filters: FilterSet }) {
  return (
    <div className="kpi-row">
      {Object.values(KPIS).map((spec) => (
        <KpiCard key={spec.id} spec={spec as KpiSpec<unknown>} filters={filters} />
      ))}
    </div>
  )
}
