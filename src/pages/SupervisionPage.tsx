import { useFilters } from '../state/filters'
import { FilterBar } from '../widgets/filters/FilterBar'
import { ActivitiesChart, LedgerTable, MicroChart, Reconciliation, ReportFigures, SuggestionsChart, SupervisionNarrative } from '../widgets/supervision/SupervisionWidgets'

const ANCHOR = { table: 'supervision_activities', date: 'date' } as const

export default function SupervisionPage() {
  const filters = useFilters()
  return (
    <div className="page page--supervision">
      <header className="page__head">
        <h2>监督与代表工作</h2>
        <p className="page__lede">常委会监督活动台账、工作报告年度数字及二者核对，代表建议和微建议办理</p>
      </header>
      <SupervisionNarrative filters={filters} />
      <FilterBar filters={filters} anchor={ANCHOR} places={false} />
      <div className="grid">
        <div className="span-7"><ActivitiesChart filters={filters} /></div>
        <div className="span-5"><Reconciliation /></div>
        <div className="span-12"><ReportFigures /></div>
        <div className="span-6"><SuggestionsChart filters={filters} /></div>
        <div className="span-6"><MicroChart filters={filters} /></div>
        <div className="span-12"><LedgerTable filters={filters} /></div>
      </div>
    </div>
  )
}
