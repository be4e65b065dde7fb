import { periodLabel } from '../../lib/period'
import { DEFAULT_WARN_PERCENT, WARNING_TICKER, warningReasons } from '../../specs/clusters'
import { ACTIVITY_TICKER } from '../../specs/overview'
import { Ticker } from '../../ui/Ticker'
import { Activity } from '../overview/OverviewWidgets'
import { useSpecView } from '../useSpecView'
import { WidgetFrame } from '../WidgetFrame'

interface ListProps {
  readonly motion: boolean
}

/** The latest supervision activities, scrolling. */
export function ActivityTicker({ motion }: ListProps) {
  const { rows, frame } = useSpecView(ACTIVITY_TICKER, {}, { wall: ACTIVITY_TICKER })
  return (
    <WidgetFrame {...frame} showStale={rows !== undefined} className="screen-list">
      {rows && (
        <Ticker label={frame.title} enabled={motion}>
          <ul className="screen-list__items">
            {rows.map((a) => (
              <Activity key={a.activity_id} activity={a} type="screen-list__type" title="screen-list__title" />
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
  const { rows, frame } = useSpecView(WARNING_TICKER, {}, { wall: WARNING_TICKER })
  return (
    <WidgetFrame {...frame} showStale={rows !== undefined} className="screen-list screen-list--warn">
      {rows && rows.length === 0 && <p className="screen-list__none">没有企业的主要指标同比降幅超过10%</p>}
      {rows && rows.length > 0 && (
        <Ticker label={frame.title} enabled={motion}>
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
