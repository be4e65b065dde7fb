import { useMemo } from 'react'

import { formatNumber } from '../../lib/format'
import type { FilterSet } from '../../queries/filters'
import { LATEST } from '../../queries/scope'
import { RECONCILIATION, REPORT_FIGURES } from '../../specs/supervision'
import { useSpecView } from '../useSpecView'
import { WidgetFrame } from '../WidgetFrame'
import { type FigureLine, figureText, pivotFigures, reconciliationText } from './present'

/**
 * The reports' figures as printed: one block per category, one line per measure, one column
 * per report year. Wording, unit and qualifier are the report's; the report's sentence is on
 * hover (a plain-text title: it comes from a file and must never become markup).
 */
export function ReportFigures() {
  // No filter changes the reports' figures.
  const { data, frame } = useSpecView(REPORT_FIGURES, LATEST)
  const pivot = useMemo(() => (data.state === 'ready' ? pivotFigures(data.rows) : null), [data])
  return (
    <WidgetFrame {...frame}>
      {pivot && (
        <>
          <ul className="sv-sources" aria-label="数据来源">
            {pivot.sources.map((s) => (
              <li key={s.year}>
                <span className="tag tag--report">{s.year}年</span>
                <span>{s.sources.join('；')}</span>
              </li>
            ))}
          </ul>
          <div className="sv-figures">
            {pivot.groups.map((g) => (
              <div className="sv-figures__block" key={g.category} data-category={g.category}>
                <table className="sv-figures__table">
                  <caption>
                    {g.category}
                    <span className="sv-figures__count">{g.lines.length}项指标</span>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">指标（报告用语）</th>
                      {pivot.years.map((y) => (
                        <th
                          scope="col"
                          key={y}
                          className="sv-figures__year"
                          title={pivot.sources.find((s) => s.year === y)?.sources.join('；')}
                        >
                          {y}年
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {g.lines.map((line) => (
                      <FigureRow key={line.metricId} line={line} years={pivot.years} />
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </div>
        </>
      )}
    </WidgetFrame>
  )
}

function FigureRow({ line, years }: { readonly line: FigureLine; readonly years: readonly number[] }) {
  const reworded = line.wordings.length > 1
  return (
    <tr data-metric={line.metricId}>
      <th scope="row">
        {reworded
          ? line.wordings.map((w) => (
              <span className="sv-figures__wording" key={w.text}>
                {w.text}
                <span className="sv-figures__note">（{w.years.join('、')}年用语）</span>
              </span>
            ))
          : line.wordings[0]?.text}
      </th>
      {years.map((y) => {
        const f = line.byYear.get(y)
        return f ? (
          <td key={y} className="sv-figures__value" data-year={y} title={`原文：“${f.quote}”`}>
            {figureText(f)}
          </td>
        ) : (
          <td key={y} className="sv-figures__none" aria-label="该年报告未列">
            —
          </td>
        )
      })}
    </tr>
  )
}

/** Where the ledger and the report agree, and where they do not. Every type, always; the types filtered by marked. */
export function Reconciliation({ filters }: { readonly filters: FilterSet }) {
  const selected = filters.types ?? []
  const { data, frame } = useSpecView(RECONCILIATION, LATEST)
  const rows = data.state === 'ready' ? data.rows.filter((r) => r.status !== '报告未列') : []
  const differing = rows.filter((r) => r.status === '不一致').length
  const uncovered = rows.filter((r) => r.status === '台账未覆盖').length
  const subtitle = differing
    ? `${differing}处不一致，请核实台账或报告`
    : uncovered
      ? `台账未覆盖的报告年度${uncovered}项，其余一致`
      : '台账与报告所列数字全部一致'
  return (
    <WidgetFrame {...frame} subtitle={data.state === 'ready' ? subtitle : undefined}>
      <table className="reconcile">
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">报告用语</th>
            <th scope="col" className="num">
              报告
            </th>
            <th scope="col" className="num">
              台账
            </th>
            <th scope="col">核对</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={`${r.year}:${r.type}`}
              className={`reconcile--${r.status}${selected.includes(r.type) ? ' sv-selected' : ''}`}
              data-status={r.status}
              data-type={r.type}
            >
              <td>{r.year}</td>
              <td title={r.metric && r.metric !== r.type ? `台账类型：${r.type}` : undefined}>{r.metric ?? r.type}</td>
              <td className="num">{r.reported === null ? '—' : `${formatNumber(r.reported)}${r.unit}`}</td>
              <td className="num">{r.covered ? `${r.ledger}${r.unit ?? ''}` : '—'}</td>
              <td>
                <span className={`tag ${r.status === '一致' ? 'tag--report' : 'tag--sample'}`}>{r.status}</span>
                {r.status !== '一致' && <span className="reconcile__note">{reconciliationText(r)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </WidgetFrame>
  )
}
