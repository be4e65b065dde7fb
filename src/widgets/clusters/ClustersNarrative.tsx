import { type ClustersSummaryRow, clustersSummarySql } from '../../queries/clusters'
import type { FilterSet } from '../../queries/filters'
import { Narrative } from '../Narrative'
import { clustersNarrative } from './narrative'

const TABLES = ['point_indicators', 'observation_points', 'clusters']

export function ClustersNarrative({ filters }: { readonly filters: FilterSet }) {
  return (
    <Narrative<ClustersSummaryRow>
      id="clusters-narrative"
      tables={TABLES}
      sql={clustersSummarySql(filters)}
      prefetch={clustersSummarySql}
      compose={clustersNarrative}
    />
  )
}
