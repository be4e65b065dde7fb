import { ACTIVITY_TYPES } from '../datasets/vocabulary'
import { useFilters } from '../state/filters'
import { usePrefetchNeighbours } from '../state/prefetch'
import { FilterBar } from '../widgets/filters/FilterBar'
import { Reconciliation, ReportFigures } from '../widgets/supervision/ReportFigures'
import {
  ActivitiesChart,
  LedgerTable,
  MicroChart,
  MicroTownsChart,
  SuggestionCategoriesChart,
  SuggestionsChart,
  SupervisionNarrative,
} from '../widgets/supervision/SupervisionWidgets'

import '../widgets/supervision/supervision.css'

const TYPES = ACTIVITY_TYPES.map((t) => t.type)

// "Latest" is the ledger's latest month: the reports are annual, the ledger is not.
const ANCHOR = { table: 'supervision_activities', date: 'date' } as const

/**
 * Supervision and deputies' work. The filtered views come first (the type chips and clicks
 * act on them); the reports' figures, which no filter changes, close the page as reference.
 */
export default function SupervisionPage() {
  const filters = useFilters()
  // The activities chart cross-filters by type: the views one click away are fetched while idle.
  usePrefetchNeighbours(filters, { types: TYPES })
  return (
    <div className="page page--supervision">
      <header className="page__head">
        <h2>监督与代表工作</h2>
        <p className="page__lede">常委会监督活动台账、工作报告年度数字及二者核对，代表建议和微建议办理</p>
      </header>
      <SupervisionNarrative filters={filters} />
      <FilterBar filters={filters} anchor={ANCHOR} places={false} />
      <div className="grid">
        <div className="span-7">
          <ActivitiesChart filters={filters} />
        </div>
        <div className="span-5">
          <Reconciliation selected={filters.types} />
        </div>
        <div className="span-4">
          <SuggestionsChart filters={filters} />
        </div>
        <div className="span-4">
          <SuggestionCategoriesChart filters={filters} />
        </div>
        <div className="span-4">
          <MicroChart filters={filters} />
        </div>
        <div className="span-5">
          <MicroTownsChart filters={filters} />
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
