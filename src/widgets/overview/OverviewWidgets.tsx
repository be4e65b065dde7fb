import type { ActivityRow } from '../../queries/overview'
import { LATEST } from '../../queries/scope'
import { LATEST_ACTIVITIES } from '../../specs/overview'
import { href } from '../../state/router'
import { useSpecView } from '../useSpecView'
import { WidgetFrame } from '../WidgetFrame'

/** One activity of the ledger in a list: its date, its type and its topic (the classes are the list's). */
export function Activity({
  activity: a,
  type,
  title,
}: {
  readonly activity: ActivityRow
  readonly type: string
  readonly title: string
}) {
  return (
    <li>
      <time dateTime={a.date}>{a.date.slice(5).replace('-', '/')}</time>
      <span className={type}>{a.type}</span>
      <span className={title}>{a.title}</span>
    </li>
  )
}

/** The newest supervision activities, as a list that reads at a glance. */
export function LatestActivities() {
  const { data, frame } = useSpecView(LATEST_ACTIVITIES, LATEST)
  return (
    <WidgetFrame {...frame}>
      {data.state === 'ready' && (
        <ol className="activity-list">
          {data.rows.map((a) => (
            <Activity key={a.activity_id} activity={a} type="tag tag--reference" title="activity-list__title" />
          ))}
        </ol>
      )}
      <a className="widget__more" href={href('/supervision')}>
        查看监督与代表工作 →
      </a>
    </WidgetFrame>
  )
}
