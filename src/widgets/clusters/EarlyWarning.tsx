import { useId } from 'react'

import { periodLabel } from '../../lib/period'
import type { FilterSet } from '../../queries/filters'
import { DEFAULT_WARN_PERCENT, EARLY_WARNING, warningReasons, warningsQuery } from '../../specs/clusters'
import { setParam } from '../../state/filters'
import { useRoute } from '../../state/router'
import { useSpecView } from '../useSpecView'
import { WidgetFrame } from '../WidgetFrame'

/** The threshold from the URL (`warn=15` means falls of over 15%), within 1–90%. */
export function warnPercent(params: URLSearchParams): number {
  const n = Number(params.get('warn'))
  return Number.isInteger(n) && n >= 1 && n <= 90 ? n : DEFAULT_WARN_PERCENT
}

/** 经济运行预警: points whose output, tax, electricity or headcount fell beyond a threshold the user sets. */
export function EarlyWarning({ filters }: { readonly filters: FilterSet }) {
  const route = useRoute()
  const percent = warnPercent(route.params)
  const inputId = useId()
  const { data, frame } = useSpecView(EARLY_WARNING, filters, { queryFor: (f) => warningsQuery(f, percent) })
  const rows = data.state === 'ready' ? data.rows : data.state === 'loading' ? data.stale : undefined
  const threshold = (
    <label className="inline-field" htmlFor={inputId}>
      同比降幅超过
      <input
        id={inputId}
        type="number"
        min={1}
        max={90}
        step={1}
        value={percent}
        aria-label="预警阈值（%）"
        onChange={(e) => {
          const n = Math.round(Number(e.target.value))
          if (n >= 1 && n <= 90) setParam('warn', n === DEFAULT_WARN_PERCENT ? null : String(n))
        }}
      />
      %
    </label>
  )
  return (
    <WidgetFrame {...frame} showStale={rows !== undefined} actions={threshold}>
      {rows && rows.length === 0 && <p className="widget__message">没有企业的指标同比降幅超过{percent}%。</p>}
      {rows && rows.length > 0 && rows[0]!.listed > rows.length && (
        <p className="muted">
          共{rows[0]!.listed}家，列出降幅最大的{rows.length}家
        </p>
      )}
      {rows && rows.length > 0 && (
        <ol className="warning-list" data-count={rows[0]!.listed}>
          {rows.map((r) => (
            <li key={r.point_id} className="warning-item">
              <button type="button" className="link" onClick={() => setParam('point', r.point_id)}>
                {r.name}
              </button>
              <span className="muted">
                {r.cluster} · {r.town} · 截至{periodLabel(r.through)}
              </span>
              <ul className="warning-reasons">
                {warningReasons(r, percent / 100).map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </WidgetFrame>
  )
}
