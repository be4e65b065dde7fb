import { PROJECT_STATUSES } from '../datasets/vocabulary'
import { useFilters } from '../state/filters'
import { usePrefetchNeighbours } from '../state/prefetch'
import { FilterBar, useFilterValues } from '../widgets/filters/FilterBar'
import {
  ProjectsByCluster,
  ProjectsByTown,
  ProjectsMonthly,
  ProjectsPipeline,
  ProjectsTimeline,
} from '../widgets/projects/ProjectsCharts'
import { ProjectsNarrative } from '../widgets/projects/ProjectsNarrative'
import { ProjectsTable } from '../widgets/projects/ProjectsTable'

const ANCHOR = { table: 'project_progress', period: 'period' } as const

export default function ProjectsPage() {
  const filters = useFilters()
  // The pipeline, town and cluster charts cross-filter the page: the views one click away are fetched while idle.
  usePrefetchNeighbours(filters, {
    statuses: PROJECT_STATUSES,
    towns: useFilterValues(ANCHOR, 'town'),
    clusters: useFilterValues(ANCHOR, 'cluster'),
  })
  return (
    <div className="page page--projects">
      <header className="page__head">
        <h2>重点项目</h2>
        <p className="page__lede">
          年度重点项目清单（省重大、苏州重点、市级重点）的投资完成、推进状态和建设周期；序时进度按年度计划平均分摊到各月
        </p>
      </header>
      <ProjectsNarrative filters={filters} />
      <FilterBar filters={filters} anchor={ANCHOR} german />
      <div className="grid">
        <div className="span-8">
          <ProjectsMonthly filters={filters} />
        </div>
        <div className="span-4">
          <ProjectsPipeline filters={filters} />
        </div>
        <div className="span-6">
          <ProjectsByTown filters={filters} />
        </div>
        <div className="span-6">
          <ProjectsByCluster filters={filters} />
        </div>
        <div className="span-12">
          <ProjectsTimeline filters={filters} />
        </div>
        <div className="span-12">
          <ProjectsTable filters={filters} />
        </div>
      </div>
    </div>
  )
}
