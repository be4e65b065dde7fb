import type { FilterSet } from '../../queries/filters'
import type { ItemRow } from '../../queries/livelihood'
import { LIVELIHOOD_SATISFACTION, LIVELIHOOD_SURVEY } from '../../specs/livelihood'
import { setFilters } from '../../state/filters'
import { SpecChart } from '../SpecChart'
import { useSpecView } from '../useSpecView'

/** The scope moved to the survey's year and December: a past year's range defaults to all twelve months. */
function toSurvey(f: FilterSet, year: number): FilterSet {
  return { ...f, year, fromMonth: undefined, toMonth: undefined }
}

/**
 * The year-end survey, per item. Before December the view says so honestly, and offers the
 * latest survey there is (last year's, or this year's December when the range stops short).
 */
export function LivelihoodSatisfaction({ filters }: { readonly filters: FilterSet }) {
  const { data: survey } = useSpecView(LIVELIHOOD_SURVEY, filters)
  const s = survey.state === 'ready' ? survey.rows[0] : undefined
  const missed = s?.survey_year != null && s.survey_year === s.year && s.to_month < 12
  const earlier = s?.survey_year != null && s.survey_year < s.year ? s.survey_year : null
  const target = missed ? s.year : earlier
  const action =
    target === null ? null : (
      <button
        type="button"
        className="link"
        data-testid="survey-link"
        onClick={() => setFilters((f) => toSurvey(f, target))}
      >
        {missed ? '查看12月测评' : `查看${target}年测评结果`}
      </button>
    )
  return (
    <SpecChart<ItemRow>
      spec={LIVELIHOOD_SATISFACTION}
      filters={filters}
      {...(missed ? { emptyText: '所选月份范围未到12月，不含年末满意度测评' } : {})}
      actions={action}
      className="lv-survey"
    />
  )
}
