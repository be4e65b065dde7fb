import { LIVELIHOOD_PAGE, LIVELIHOOD_SATISFACTION, LIVELIHOOD_TABLE } from '../specs/livelihood'
import { Dashboard } from '../widgets/Dashboard'
import { LivelihoodTable } from '../widgets/livelihood/LivelihoodTable'
import { LivelihoodSatisfaction } from '../widgets/livelihood/SatisfactionChart'

import '../widgets/livelihood/livelihood.css'

const VIEWS = { [LIVELIHOOD_SATISFACTION.id]: LivelihoodSatisfaction, [LIVELIHOOD_TABLE.id]: LivelihoodTable }

export default function LivelihoodPage() {
  return <Dashboard page={LIVELIHOOD_PAGE} views={VIEWS} />
}
