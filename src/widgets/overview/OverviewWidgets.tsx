import { itemsProgressOption } from '../../charts/livelihood'
import { pipelineOption } from '../../charts/projects'
import type { FilterSet } from '../../queries/filters'
import { type ItemRow, livelihoodItemsSql } from '../../queries/livelihood'
import { type ActivityRow, latestActivitiesSql } from '../../queries/overview'
import { type PipelineRow, projectsPipelineSql } from '../../queries/projects'
import { toggleFilter } from '../../state/filters'
import { href } from '../../state/router'
import { ChartWidget } from '../ChartWidget'
import { useWidgetQuery } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'

interface Props {
  readonly filters: FilterSet
}

export function ProjectStatusChart({ filters }: Props) {
  return (
    <ChartWidget<PipelineRow>
      id="overview-project-status"
      title="重点项目推进状态"
      subtitle={() => '本年重点项目清单，按推进状态 · 个'}
      tables={['key_projects', 'project_progress']}
      sql={projectsPipelineSql(filters)}
      prefetch={projectsPipelineSql}
      option={pipelineOption}
      isEmpty={(rows) => rows.every((r) => r.projects === 0)}
      emptyText="本年尚无重点项目清单"
      selected={filters.statuses ?? []}
      onSelect={(s) => toggleFilter('statuses', s.key)}
      // As tall as the livelihood chart beside it: the row's cards end together, with no blank half.
      height={420}
    />
  )
}

export function ItemsProgressChart({ filters }: Props) {
  return (
    <ChartWidget<ItemRow>
      id="overview-livelihood"
      title="民生实事进度"
      subtitle={(rows) => `${rows[0]?.year ?? ''}年代表票决项目 · 累计进度与序时进度`}
      tables={['livelihood_items', 'livelihood_progress']}
      sql={livelihoodItemsSql(filters)}
      prefetch={livelihoodItemsSql}
      option={itemsProgressOption}
      emptyText="本年尚无民生实事项目"
      height={420}
    />
  )
}

/** The newest supervision activities, as a list that reads at a glance. */
export function LatestActivities() {
  const data = useWidgetQuery<ActivityRow>({ tables: ['supervision_activities'], sql: latestActivitiesSql(12) })
  return (
    <WidgetFrame
      id="overview-activities"
      title="最新监督活动"
      subtitle="监督工作台账"
      state={data.state}
      tables={['supervision_activities']}
      error={data.state === 'error' ? data.message : undefined}
      emptyText="台账中没有监督活动"
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
