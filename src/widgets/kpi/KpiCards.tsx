import type { FilterSet } from '../../queries/filters'
import type { KpiSpec, Spec } from '../../specs/types'
import { Delta, Figure, ProgressBar, trendOf } from '../../ui/Figure'
import { useSpecView } from '../useSpecView'
import { WidgetFrame } from '../WidgetFrame'

/** One headline figure on the desk, from its spec: the number, the lines under it, and its bar. */
function KpiCard<R>({ spec, filters }: { readonly spec: KpiSpec<R>; readonly filters: FilterSet }) {
  const { data, frame } = useSpecView(spec, filters)
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
    <WidgetFrame {...frame}>
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

type KpiOf = Extract<Spec, { kind: 'kpi' }>

/** A page's headline row. Without a year or months in the filters, each figure shows its latest month. */
export function KpiRow({ specs, filters }: { readonly specs: readonly KpiOf[]; readonly filters: FilterSet }) {
  return (
    <div className="kpi-row">
      {specs.map((spec) => (
        <KpiCard key={spec.id} spec={spec} filters={filters} />
      ))}
    </div>
  )
}
