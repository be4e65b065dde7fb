import {
  PROJECTS_BY_CLUSTER,
  PROJECTS_BY_TOWN,
  PROJECTS_MONTHLY,
  PROJECTS_NARRATIVE,
  PROJECTS_PAGE,
  PROJECTS_PIPELINE,
  PROJECTS_TIMELINE,
} from '../specs/projects'
import { useFilters } from '../state/filters'
import { FilterBar, usePagePrefetch } from '../widgets/filters/FilterBar'
import { Narrative } from '../widgets/Narrative'
import { ProjectsTable } from '../widgets/projects/ProjectsTable'
import { SpecChart } from '../widgets/SpecChart'

const PAGE = PROJECTS_PAGE

export default function ProjectsPage() {
  const filters = useFilters()
  // The pipeline, town and cluster charts cross-filter the page: the views one click away are fetched while idle.
  usePagePrefetch(PAGE, filters)
  return (
    <div className="page page--projects">
      <header className="page__head">
        <h2>重点项目</h2>
        <p className="page__lede">
          年度重点项目清单（省重大、苏州重点、市级重点）的投资完成、推进状态和建设周期；序时进度按年度计划平均分摊到各月
        </p>
      </header>
      <Narrative spec={PROJECTS_NARRATIVE} filters={filters} />
      <FilterBar filters={filters} anchor={PAGE.anchor} german />
      <div className="grid">
        <div className="span-8">
          <SpecChart spec={PROJECTS_MONTHLY} filters={filters} />
        </div>
        <div className="span-4">
          <SpecChart spec={PROJECTS_PIPELINE} filters={filters} />
        </div>
        <div className="span-6">
          <SpecChart spec={PROJECTS_BY_TOWN} filters={filters} />
        </div>
        <div className="span-6">
          <SpecChart spec={PROJECTS_BY_CLUSTER} filters={filters} />
        </div>
        <div className="span-12">
          <SpecChart spec={PROJECTS_TIMELINE} filters={filters} />
        </div>
        <div className="span-12">
          <ProjectsTable filters={filters} />
        </div>
      </div>
    </div>
  )
}
