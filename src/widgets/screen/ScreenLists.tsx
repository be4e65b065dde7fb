import { periodLabel } from '../../lib/period'
import { type WarningRow, warningsSql } from '../../queries/clusters'
import type { FilterSet } from '../../queries/filters'
import { type ActivityRow, latestActivitiesSql } from '../../queries/overview'
import { Ticker } from '../../ui/Ticker'
import { warningReasons } from '../clusters/narrative'
import { rowsOf, useWidgetQuery } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'

interface ListProps {
  readonly id: string
  readonly motion: boolean
}

/** The latest supervision activities, scrolling. */
export function ActivityTicker({ id, motion }: ListProps) {
  const data = useWidgetQuery<ActivityRow>({
    tables: ['supervision_activities'],
    sql: latestActivitiesSql(20),
    retry: true,
  })
  const rows = rowsOf(data)
  return (
    <WidgetFrame
      id={id}
      title="最新监督活动"
      state={data.state}
      tables={['supervision_activities']}
      showStale={rows !== undefined}
      className="screen-list"
      error={data.state === 'error' ? data.message : undefined}
      emptyText="台账中没有监督活动"
    >
      {rows && (
        <Ticker label="最新监督活动" enabled={motion}>
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

const WARN = 0.1
const WARN_TABLES = ['point_indicators', 'observation_points', 'clusters', 'towns']

/** 经济运行预警, scrolling: points whose indicators fell more than 10% year on year. */
export function WarningTicker({ id, motion, filters }: ListProps & { readonly filters: FilterSet }) {
  const data = useWidgetQuery<WarningRow>(
    { tables: WARN_TABLES, sql: warningsSql(filters, WARN), retry: true },
    () => false,
  )
  const rows = rowsOf(data)
  return (
    <WidgetFrame
      id={id}
      title="经济运行预警"
      subtitle="指标累计同比降幅超过10%"
      state={data.state}
      tables={WARN_TABLES}
      showStale={rows !== undefined}
      className="screen-list screen-list--warn"
      error={data.state === 'error' ? data.message : undefined}
    >
      {rows && rows.length === 0 && <p className="screen-list__none">没有企业的主要指标同比降幅超过10%</p>}
      {rows && rows.length > 0 && (
        <Ticker label="经济运行预警" enabled={motion}>
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
