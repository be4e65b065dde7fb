import {
  ACTIVITIES,
  MICRO,
  MICRO_TOWNS,
  SUGGESTION_CATEGORIES,
  SUGGESTIONS_BY_YEAR,
  SUPERVISION_NARRATIVE,
  SUPERVISION_PAGE,
} from '../specs/supervision'
import { useFilters } from '../state/filters'
import { FilterBar, usePagePrefetch } from '../widgets/filters/FilterBar'
import { Narrative } from '../widgets/Narrative'
import { SpecChart } from '../widgets/SpecChart'
import { LedgerTable } from '../widgets/supervision/LedgerTable'
import { Reconciliation, ReportFigures } from '../widgets/supervision/ReportFigures'

import '../widgets/supervision/supervision.css'

// "Latest" is the ledger's latest month: the reports are annual, the ledger is not.
const PAGE = SUPERVISION_PAGE

/**
 * Supervision and deputies' work. The filtered views come first (the type chips and clicks
 * act on them); the reports' figures, which no filter changes, close the page as reference.
 */
export default function SupervisionPage() {
  const filters = useFilters()
  // The activities chart cross-filters by type: the views one click away are fetched while idle.
  usePagePrefetch(PAGE, filters)
  return (
    <div className="page page--supervision">
      <header className="page__head">
        <h2>监督与代表工作</h2>
        <p className="page__lede">常委会监督活动台账、工作报告年度数字及二者核对，代表建议和微建议办理</p>
      </header>
      <Narrative spec={SUPERVISION_NARRATIVE} filters={filters} />
      <FilterBar filters={filters} anchor={PAGE.anchor} places={false} />
      <div className="grid">
        <div className="span-7">
          <SpecChart spec={ACTIVITIES} filters={filters} />
        </div>
        <div className="span-5">
          <Reconciliation selected={filters.types} />
        </div>
        <div className="span-4">
          <SpecChart spec={SUGGESTIONS_BY_YEAR} filters={filters} />
        </div>
        <div className="span-4">
          <SpecChart spec={SUGGESTION_CATEGORIES} filters={filters} />
        </div>
        <div className="span-4">
          <SpecChart spec={MICRO} filters={filters} />
        </div>
        <div className="span-5">
          <SpecChart spec={MICRO_TOWNS} filters={filters} />
        </div>
        <div className="span-7">
          <LedgerTable filters={filters} />
        </div>
        <div className="span-12">
          <ReportFigures />
        </div>
      </div>
    </div>
  )
}
