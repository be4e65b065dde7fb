import {
  CLUSTER_HEATMAP,
  CLUSTER_SHARE,
  CLUSTER_TREND,
  CLUSTER_YTD,
  CLUSTERS_NARRATIVE,
  CLUSTERS_PAGE,
  ISSUES,
  POINT_RANKING,
} from '../specs/clusters'
import { useFilters } from '../state/filters'
import { useRoute } from '../state/router'
import { EarlyWarning } from '../widgets/clusters/EarlyWarning'
import { PointDrawer } from '../widgets/clusters/PointDrawer'
import { PointsTable } from '../widgets/clusters/PointsTable'
import { FilterBar, usePagePrefetch } from '../widgets/filters/FilterBar'
import { Narrative } from '../widgets/Narrative'
import { SpecChart } from '../widgets/SpecChart'

const PAGE = CLUSTERS_PAGE

export default function ClustersPage() {
  const filters = useFilters()
  const point = useRoute().params.get('point')
  // Every chart here cross-filters by cluster: the view one click away is fetched while idle.
  usePagePrefetch(PAGE, filters)
  return (
    <div className="page page--clusters">
      <header className="page__head">
        <h2>产业集群</h2>
        <p className="page__lede">主导产业：高端装备、先进材料、现代物贸；特色产业：航空航天、生物医药、文化旅游</p>
      </header>
      <Narrative spec={CLUSTERS_NARRATIVE} filters={filters} />
      <FilterBar filters={filters} anchor={PAGE.anchor} german />
      <div className="grid">
        <div className="span-8">
          <SpecChart spec={CLUSTER_YTD} filters={filters} />
        </div>
        <div className="span-4">
          <SpecChart spec={CLUSTER_SHARE} filters={filters} />
        </div>
        <div className="span-8">
          <SpecChart spec={CLUSTER_TREND} filters={filters} />
        </div>
        <div className="span-4">
          <EarlyWarning filters={filters} />
        </div>
        <div className="span-6">
          <SpecChart spec={CLUSTER_HEATMAP} filters={filters} />
        </div>
        <div className="span-6">
          <SpecChart spec={ISSUES} filters={filters} />
        </div>
        <div className="span-5">
          <SpecChart spec={POINT_RANKING} filters={filters} />
        </div>
        <div className="span-7">
          <PointsTable filters={filters} />
        </div>
      </div>
      {point && <PointDrawer key={point} pointId={point} />}
    </div>
  )
}
