import { useFilters } from '../state/filters'
import { FilterBar } from '../widgets/filters/FilterBar'
import {
  LivelihoodBudget,
  LivelihoodCategories,
  LivelihoodMonthly,
  LivelihoodNarrative,
  LivelihoodProgress,
  LivelihoodSatisfaction,
  LivelihoodTable,
  LivelihoodVotes,
} from '../widgets/livelihood/LivelihoodWidgets'

const ANCHOR = { table: 'livelihood_progress', period: 'period' } as const

export default function LivelihoodPage() {
  const filters = useFilters()
  return (
    <div className="page page--livelihood">
      <header className="page__head">
        <h2>民生实事</h2>
        <p className="page__lede">实行人大代表票决制：项目经人民代表大会票决产生，常委会全程监督，年末开展满意度测评</p>
      </header>
      <LivelihoodNarrative filters={filters} />
      <FilterBar filters={filters} anchor={ANCHOR} places={false} />
      <div className="grid">
        <div className="span-6"><LivelihoodProgress filters={filters} /></div>
        <div className="span-6"><LivelihoodVotes filters={filters} /></div>
        <div className="span-4"><LivelihoodMonthly filters={filters} /></div>
        <div className="span-4"><LivelihoodBudget filters={filters} /></div>
        <div className="span-4"><LivelihoodCategories filters={filters} /></div>
        <div className="span-4"><LivelihoodSatisfaction filters={filters} /></div>
        <div className="span-8"><LivelihoodTable filters={filters} /></div>
      </div>
    </div>
  )
}
