import { LIVELIHOOD_CATEGORIES } from '../datasets/vocabulary'
import { useFilters } from '../state/filters'
import { usePrefetchNeighbours } from '../state/prefetch'
import { FilterBar } from '../widgets/filters/FilterBar'
import {
  LivelihoodBudget,
  LivelihoodCategories,
  LivelihoodMonthly,
  LivelihoodProgress,
  LivelihoodVotes,
} from '../widgets/livelihood/LivelihoodCharts'
import { LivelihoodNarrative } from '../widgets/livelihood/LivelihoodNarrative'
import { LivelihoodTable } from '../widgets/livelihood/LivelihoodTable'
import { LivelihoodSatisfaction } from '../widgets/livelihood/SatisfactionChart'

import '../widgets/livelihood/livelihood.css'

const ANCHOR = { table: 'livelihood_progress', period: 'period' } as const

/** Livelihood items have no cluster or town, so the filter bar shows year and months only. */
export default function LivelihoodPage() {
  const filters = useFilters()
  // Every chart here cross-filters by category: the views one click away are fetched while idle.
  usePrefetchNeighbours(filters, { categories: LIVELIHOOD_CATEGORIES })
  return (
    <div className="page page--livelihood">
      <header className="page__head">
        <h2>民生实事</h2>
        <p className="page__lede">
          实行人大代表票决制：政府提出候选项目，人民代表大会会议上由代表投票决定年度民生实事项目，常委会全程跟踪监督，年末组织满意度测评
        </p>
      </header>
      <LivelihoodNarrative filters={filters} />
      <FilterBar filters={filters} anchor={ANCHOR} places={false} />
      <div className="grid">
        <div className="span-6">
          <LivelihoodProgress filters={filters} />
        </div>
        <div className="span-6">
          <LivelihoodVotes filters={filters} />
        </div>
        <div className="span-4">
          <LivelihoodMonthly filters={filters} />
        </div>
        <div className="span-4">
          <LivelihoodBudget filters={filters} />
        </div>
        <div className="span-4">
          <LivelihoodCategories filters={filters} />
        </div>
        <div className="span-4">
          <LivelihoodSatisfaction filters={filters} />
        </div>
        <div className="span-8">
          <LivelihoodTable filters={filters} />
        </div>
      </div>
    </div>
  )
}
