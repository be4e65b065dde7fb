import { LATEST } from '../../queries/scope'
import { LATEST_ACTIVITIES } from '../../specs/overview'
import { href } from '../../state/router'
import { useSpecData } from '../useSpecData'
import { WidgetFrame } from '../WidgetFrame'

/** The newest supervision activities, as a list that reads at a glance. */
export function LatestActivities() {
  const spec = LATEST_ACTIVITIES
  const { data, query } = useSpecData(spec, LATEST)
  return (
    <WidgetFrame
      id={spec.id}
      title={spec.title}
      subtitle={spec.subtitle}
      state={data.state}
      tables={query.tables}
      error={data.state === 'error' ? data.message : undefined}
      emptyText={spec.emptyText}
    >
      {data.state === 'ready' && (
        <ol className="activity-list">
          {data.rows.map((a) => (
            <li key={a.activity_id}>
              <time dateTime={a.date}>{a.date.slice(5).replace('-', '/')}</time>
              <span className="tag tag--reference">{a.type}</span>
              <span className="activity-list__title">{a.title}</span>
            </li>
          ))}
        </ol>
      )}
      <a className="widget__more" href={href('/supervision')}>
        查看监督与代表工作 →
      </a>
    </WidgetFrame>
  )
}
