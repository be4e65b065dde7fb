import { LEDGER, RECONCILIATION, REPORT_FIGURES, SUPERVISION_PAGE } from '../specs/supervision'
import { Dashboard } from '../widgets/Dashboard'
import { LedgerTable } from '../widgets/supervision/LedgerTable'
import { Reconciliation, ReportFigures } from '../widgets/supervision/ReportFigures'

import '../widgets/supervision/supervision.css'

const VIEWS = { [RECONCILIATION.id]: Reconciliation, [LEDGER.id]: LedgerTable, [REPORT_FIGURES.id]: ReportFigures }

export default function SupervisionPage() {
  return <Dashboard page={SUPERVISION_PAGE} views={VIEWS} />
}
