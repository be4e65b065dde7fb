import { periodLabel } from '../lib/period'
import { LATEST_ACTIVITIES, OVERVIEW_PAGE, TOWN_MAP } from '../specs/overview'
import { asOfPeriod } from '../state/as-of'
import { useCatalog } from '../state/catalog'
import { Dashboard } from '../widgets/Dashboard'
import { OverviewNarrative } from '../widgets/overview/OverviewNarrative'
import { LatestActivities } from '../widgets/overview/OverviewWidgets'
import { TownMap } from '../widgets/overview/TownMap'

const VIEWS = {
  [OVERVIEW_PAGE.narrative.id]: OverviewNarrative,
  [TOWN_MAP.id]: TownMap,
  [LATEST_ACTIVITIES.id]: LatestActivities,
}

export default function OverviewPage() {
  const asOf = asOfPeriod(useCatalog())
  return <Dashboard page={OVERVIEW_PAGE} views={VIEWS} lede={asOf && `数据截至${periodLabel(asOf)}`} />
}
