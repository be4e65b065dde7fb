import { periodLabel } from '../lib/period'
import { CLUSTER_YTD } from '../specs/clusters'
import { OVERVIEW_ITEMS, OVERVIEW_PAGE, OVERVIEW_PROJECT_STATUS } from '../specs/overview'
import { asOfPeriod } from '../state/as-of'
import { useCatalog } from '../state/catalog'
import { useFilters } from '../state/filters'
import { FilterBar, usePagePrefetch } from '../widgets/filters/FilterBar'
import { KpiRow } from '../widgets/kpi/KpiCards'
import { OverviewNarrative } from '../widgets/overview/OverviewNarrative'
import { LatestActivities } from '../widgets/overview/OverviewWidgets'
import { TownMap } from '../widgets/overview/TownMap'
import { SpecChart } from '../widgets/SpecChart'

const PAGE = OVERVIEW_PAGE

export default function OverviewPage() {
  const asOf = asOfPeriod(useCatalog())
  const filters = useFilters()
  // The cluster bars, the town map and the status chart cross-filter the page: the views one click away are fetched while idle.
  usePagePrefetch(PAGE, filters)
  return (
    <div className="page page--overview">
      <header className="page__head">
        <h2>总览</h2>
        {asOf && <p className="page__lede">数据截至{periodLabel(asOf)}</p>}
      </header>
      <OverviewNarrative filters={filters} />
      <FilterBar filters={filters} anchor={PAGE.anchor} german />
      <KpiRow filters={filters} />
      <div className="grid">
        <div className="span-5">
          <TownMap filters={filters} />
        </div>
        <div className="span-7">
          <SpecChart spec={CLUSTER_YTD} filters={filters} />
        </div>
        <div className="span-4">
          <SpecChart spec={OVERVIEW_PROJECT_STATUS} filters={filters} />
        </div>
        <div className="span-4">
          <SpecChart spec={OVERVIEW_ITEMS} filters={filters} />
        </div>
        <div className="span-4">
          <LatestActivities />
        </div>
      </div>
    </div>
  )
}
