import {
  LIVELIHOOD_BUDGET,
  LIVELIHOOD_CATEGORIES,
  LIVELIHOOD_ITEMS,
  LIVELIHOOD_MONTHLY,
  LIVELIHOOD_NARRATIVE,
  LIVELIHOOD_PAGE,
  LIVELIHOOD_VOTES,
} from '../specs/livelihood'
import { useFilters } from '../state/filters'
import { FilterBar, usePagePrefetch } from '../widgets/filters/FilterBar'
import { LivelihoodTable } from '../widgets/livelihood/LivelihoodTable'
import { LivelihoodSatisfaction } from '../widgets/livelihood/SatisfactionChart'
import { Narrative } from '../widgets/Narrative'
import { SpecChart } from '../widgets/SpecChart'

import '../widgets/livelihood/livelihood.css'

const PAGE = LIVELIHOOD_PAGE

/** Livelihood items have no cluster or town, so the filter bar shows year and months only. */
export default function LivelihoodPage() {
  const filters = useFilters()
  // Every chart here cross-filters by category: the views one click away are fetched while idle.
  usePagePrefetch(PAGE, filters)
  return (
    <div className="page page--livelihood">
      <header className="page__head">
        <h2>民生实事</h2>
        <p className="page__lede">
          实行人大代表票决制：政府提出候选项目，人民代表大会会议上由代表投票决定年度民生实事项目，常委会全程跟踪监督，年末组织满意度测评
        </p>
      </header>
      <Narrative spec={LIVELIHOOD_NARRATIVE} filters={filters} />
      <FilterBar filters={filters} anchor={PAGE.anchor} places={false} />
      <div className="grid">
        <div className="span-6">
          <SpecChart spec={LIVELIHOOD_ITEMS} filters={filters} />
        </div>
        <div className="span-6">
          <SpecChart spec={LIVELIHOOD_VOTES} filters={filters} />
        </div>
        <div className="span-4">
          <SpecChart spec={LIVELIHOOD_MONTHLY} filters={filters} />
        </div>
        <div className="span-4">
          <SpecChart spec={LIVELIHOOD_BUDGET} filters={filters} />
        </div>
        <div className="span-4">
          <SpecChart spec={LIVELIHOOD_CATEGORIES} filters={filters} />
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
