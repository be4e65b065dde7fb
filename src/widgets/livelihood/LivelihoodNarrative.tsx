import { type LivelihoodSummaryRow, livelihoodSummarySql } from '../../queries/livelihood'
import { Narrative } from '../Narrative'
import { type Props, TABLES } from './common'
import { livelihoodNarrative } from './narrative'

/** The page's opening sentences, written from the summary query. */
export function LivelihoodNarrative({ filters }: Props) {
  return (
    <Narrative<LivelihoodSummaryRow>
      id="livelihood-narrative"
      tables={TABLES}
      sql={livelihoodSummarySql(filters)}
      prefetch={livelihoodSummarySql}
      compose={livelihoodNarrative}
    />
  )
}
