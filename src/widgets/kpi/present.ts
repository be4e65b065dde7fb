// The headline figures' wording lives with their specs; tests import it from here too.
export {
  presentLivelihood,
  presentOutputYtd,
  presentPointsReporting,
  presentProjectInvestment,
  presentSuggestions,
} from '../../specs/kpis'
export type { KpiText } from '../../specs/types'
