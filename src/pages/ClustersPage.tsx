import { useFilters } from '../state/filters'
import { usePrefetchNeighbours } from '../state/prefetch'
import { useRoute } from '../state/router'
import {
  ClusterHeatmapChart,
  ClusterShareChart,
  ClusterTrendChart,
  ClusterYtdChart,
  IssuesChart,
  PointRankingChart,
} from '../widgets/clusters/ClusterCharts'
import { ClustersNarrative } from '../widgets/clusters/ClustersNarrative'
import { EarlyWarning } from '../widgets/clusters/EarlyWarning'
import { PointDrawer } from '../widgets/clusters/PointDrawer'
import { PointsTable } from '../widgets/clusters/PointsTable'
import { FilterBar, useFilterValues } from '../widgets/filters/FilterBar'

const ANCHOR = { table: 'point_indicators', period: 'period' } as const

export default function ClustersPage() {
  const filters = useFilters()
  const point = useRoute().params.get('point')
  // Every chart here cross-filters by cluster: the view one click away is fetched while idle.
  usePrefetchNeighbours(filters, { clusters: useFilterValues(ANCHOR, 'cluster') })
  return (
    <div className="page page--clusters">
      <header className="page__head">
        <h2>产业集群</h2>
        <p className="page__lede">主导产业：高端装备、先进材料、现代物贸；特色产业：航空航天、生物医药、文化旅游</p>
      </header>
      <ClustersNarrative filters={filters} />
      <FilterBar filters={filters} anchor={ANCHOR} german />
      <div className="grid">
        <div className="span-8">
          <ClusterYtdChart filters={filters} />
        </div>
        <div className="span-4">
          <ClusterShareChart filters={filters} />
        </div>
        <div className="span-8">
          <ClusterTrendChart filters={filters} />
        </div>
        <div className="span-4">
          <EarlyWarning filters={filters} />
        </div>
        <div className="span-6">
          <ClusterHeatmapChart filters={filters} />
        </div>
        <div className="span-6">
          <IssuesChart filters={filters} />
        </div>
        <div className="span-5">
          <PointRankingChart filters={filters} />
        </div>
        <div className="span-7">
          <PointsTable filters={filters} />
        </div>
      </div>
      {point && <PointDrawer key={point} pointId={point} />}
    </div>
  )
}
