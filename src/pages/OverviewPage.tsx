import { periodLabel } from '../lib/period'
import { asOfPeriod } from '../state/as-of'
import { useCatalog } from '../state/catalog'
import { KpiRow } from '../widgets/kpi/KpiCards'
import { useFilters } from '../state/filters'

export default function OverviewPage() {
  const asOf = asOfPeriod(useCatalog())
  const filters = useFilters()
  return (
    <div className="page page--overview">
      <header className="page__head">
        <h2>总览</h2>
        {asOf && <p className="page__lede">数据截至{periodLabel(asOf)}</p>}
      </header>
      <KpiRow filters={filters} />
    </div>
  )
}
