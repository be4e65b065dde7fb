import { periodLabel } from '../../lib/period'
import type { WarningRow } from '../../queries/clusters'
import { LATEST } from '../../queries/scope'
import { DEFAULT_WARN_PERCENT, WARNING_TICKER, warningReasons } from '../../specs/clusters'
import { ACTIVITY_TICKER } from '../../specs/overview'
import { isEmptyRows, type ListSpec, viewQuery } from '../../specs/types'
import { Ticker } from '../../ui/Ticker'
import { rowsOf, useQueryData } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'

interface ListProps {
  readonly motion: boolean
}

/** A list on the wall: its spec's query at the latest data, asking again by itself after a failure. */
function useWallList<R>(spec: ListSpec<R>) {
  const query = viewQuery(spec, LATEST)
  const data = useQueryData<R>(query, (rows) => isEmptyRows(spec, rows), { retry: true })
  return { data, rows: rowsOf(data), tables: query.tables }
}

/** The latest supervision activities, scrolling. */
export function ActivityTicker({ motion }: ListProps) {
  const spec = ACTIVITY_TICKER
  const { data, rows, tables } = useWallList(spec)
  return (
    <WidgetFrame
      id={spec.id}
      title={spec.title}
      state={data.state}
      tables={tables}
      showStale={rows !== undefined}
      className="screen-list"
      error={data.state === 'error' ? data.message : undefined}
      emptyText={spec.emptyText}
    >
      {rows && (
        <Ticker label={spec.title} enabled={motion}>
          <ul className="screen-list__items">
            {rows.map((a) => (
              <li key={a.activity_id}>
                <time dateTime={a.date}>{a.date.slice(5).replace('-', '/')}</time>
                <span className="screen-list__type">{a.type}</span>
                <span className="screen-list__title">{a.title}</span>
              </li>
            ))}
          </ul>
        </Ticker>
      )}
    </WidgetFrame>
  )
}

const WARN = DEFAULT_WARN_PERCENT / 100

/** 经济运行预警, scrolling: points whose indicators fell more than 10% year on year. */
export function WarningTicker({ motion }: ListProps) {
  const spec = WARNING_TICKER
  const { data, rows, tables } = useWallList<WarningRow>(spec)
  return (
    <WidgetFrame
      id={spec.id}
      title={spec.title}
      subtitle={spec.subtitle}
      state={data.state}
      tables={tables}
      showStale={rows !== undefined}
      className="screen-list screen-list--warn"
      error={data.state === 'error' ? data.message : undefined}
    >
      {rows && rows.length === 0 && <p className="screen-list__none">没有企业的主要指标同比降幅超过10%</p>}
      {rows && rows.length > 0 && (
        <Ticker label={spec.title} enabled={motion}>
          <ul className="screen-list__items">
            {rows.map((w) => (
              <li key={w.point_id}>
                <span className="screen-list__title">{w.name}</span>
                <span className="screen-list__note">
                  {w.cluster} · {warningReasons(w, WARN).join('，')} · 截至{periodLabel(w.through)}
                </span>
              </li>
            ))}
          </ul>
        </Ticker>
      )}
    </WidgetFrame>
  )
}
