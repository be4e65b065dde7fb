import { CLUSTERS_PAGE, EARLY_WARNING, POINTS_TABLE } from '../specs/clusters'
import { useRoute } from '../state/router'
import { EarlyWarning } from '../widgets/clusters/EarlyWarning'
import { PointDrawer } from '../widgets/clusters/PointDrawer'
import { PointsTable } from '../widgets/clusters/PointsTable'
import { Dashboard } from '../widgets/Dashboard'

const VIEWS = { [EARLY_WARNING.id]: EarlyWarning, [POINTS_TABLE.id]: PointsTable }

export default function ClustersPage() {
  const point = useRoute().params.get('point')
  return (
    <Dashboard page={CLUSTERS_PAGE} views={VIEWS}>
      {point && <PointDrawer key={point} pointId={point} />}
    </Dashboard>
  )
}
