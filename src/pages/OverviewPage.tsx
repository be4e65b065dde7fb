import { periodLabel } from '../lib/period'
import { asOfPeriod } from '../state/as-of'
import { useCatalog } from '../state/catalog'
import { useFilters } from '../state/filters'
import { usePrefetchNeighbours } from '../state/prefetch'
import { ClusterYtdChart } from '../widgets/clusters/ClusterCharts'
import { FilterBar, useFilterValues } from '../widgets/filters/FilterBar'
import { KpiRow } from '../widgets/kpi/KpiCards'
import { OverviewNarrative } from '../widgets/overview/OverviewNarrative'
import { ItemsProgressChart, LatestActivities, ProjectStatusChart } from '../widgets/overview/OverviewWidgets'
import { TownMap } from '../widgets/overview/TownMap'

const ANCHOR = { table: 'point_indicators', period: 'period' } as const

export default function OverviewPage() {
  const asOf = asOfPeriod(useCatalog())
  const filters = useFilters()
  // The cluster bars and the town map cross-filter the page: the views one click away are fetched while idle.
  usePrefetchNeighbours(filters, {
    clusters: useFilterValues(ANCHOR, 'cluster'),
    towns: useFilterValues(ANCHOR, 'town'),
  })
  return (
    <div className="page page--overview">
      <header className="page__head">
        <h2>总览</h2>
        {asOf && <p className="page__lede">数据截至{periodLabel(asOf)}</p>}
      </header>
      <OverviewNarrative filters={filters} />
      <FilterBar filters={filters} anchor={ANCHOR} german />
      <KpiRow filters={filters} />
      <div className="grid">
        <div className="span-5">
          <TownMap filters={filters} />
        </div>
        <div className="span-7">
          <ClusterYtdChart filters={filters} />
        </div>
        <div className="span-4">
          <ProjectStatusChart filters={filters} />
        </div>
        <div className="span-4">
          <ItemsProgressChart filters={filters} />
        </div>
        <div className="span-4">
          <LatestActivities />
        </div>
      </div>
    </div>
  )
}
