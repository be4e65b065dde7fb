import { formatPercent } from '../../lib/format'
import { rangeLabel } from '../../lib/period'
import { SUPERVISION_COUNTERS } from '../../specs/supervision'
import { CountUp } from '../../ui/CountUp'
import { useSpecView } from '../useSpecView'
import { WidgetFrame } from '../WidgetFrame'

const int = (n: number) => String(Math.round(n))

/** This year's supervision work in counters: the ledger by type, suggestions and micro-suggestions. */
export function SupervisionCounters({ motion }: { readonly motion: boolean }) {
  const { rows, frame } = useSpecView(SUPERVISION_COUNTERS, {}, { wall: SUPERVISION_COUNTERS })
  const row = rows?.[0]
  const counters: [label: string, value: number, unit: string][] = row
    ? [
        ...row.counts
          .filter((c) => c.n > 0)
          .map((c): [string, number, string] => [
            c.type,
            c.n,
            c.type.includes('会议') ? '次' : c.type.includes('报告') || c.type.includes('决') ? '项' : '次',
          ]),
        ['代表建议', row.suggestions, '件'],
        ['已办结', row.handled, '件'],
        ['微建议', row.micro_raised, '条'],
        ['已解决', row.micro_resolved, '条'],
      ]
    : []
  return (
    <WidgetFrame
      {...frame}
      subtitle={row?.start && row.through ? `${rangeLabel(row.start, row.through)} · 台账与建议办理` : undefined}
      showStale={row !== undefined}
      className="screen-panel__widget"
    >
      {row && (
        <div className="screen-counters">
          {counters.map(([label, value, unit]) => (
            <div key={label} className="screen-counter">
              <span className="screen-counter__label">{label}</span>
              <span className="screen-counter__value">
                <CountUp value={value} render={int} enabled={motion} />
                <small>{unit}</small>
              </span>
            </div>
          ))}
          {row.satisfaction !== null && (
            <div className="screen-counter">
              <span className="screen-counter__label">建议满意率</span>
              <span className="screen-counter__value">
                <CountUp
                  value={row.satisfaction * 100}
                  render={(n) => formatPercent(n / 100, 1).replace('%', '')}
                  enabled={motion}
                />
                <small>%</small>
              </span>
            </div>
          )}
        </div>
      )}
    </WidgetFrame>
  )
}
