import { satisfactionOption } from '../../charts/livelihood'
import { type FilterSet, without } from '../../queries/filters'
import { type ItemRow, livelihoodItemsSql, livelihoodSurveySql, type SurveyRow } from '../../queries/livelihood'
import { setFilters } from '../../state/filters'
import { usePrefetchSql } from '../../state/prefetch'
import { ChartWidget } from '../ChartWidget'
import { useWidgetQuery } from '../useWidgetQuery'
import { pickCategory, type Props, TABLES } from './common'

/** The scope moved to the survey's year and December: a past year's range defaults to all twelve months. */
function toSurvey(f: FilterSet, year: number): FilterSet {
  return { ...f, year, fromMonth: undefined, toMonth: undefined }
}

/**
 * The year-end survey, per item. Before December the view says so honestly, and offers the
 * latest survey there is (last year's, or this year's December when the range stops short).
 */
export function LivelihoodSatisfaction({ filters }: Props) {
  const survey = useWidgetQuery<SurveyRow>({ tables: TABLES, sql: livelihoodSurveySql(filters) })
  usePrefetchSql(TABLES, livelihoodSurveySql)
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
    <ChartWidget<ItemRow>
      id="livelihood-satisfaction"
      title="年末满意度测评"
      subtitle={(rows) => `${rows[0]?.year ?? ''}年12月测评 · 满意度`}
      tables={TABLES}
      sql={livelihoodItemsSql(without(filters, ['categories']))}
      prefetch={(f) => livelihoodItemsSql(without(f, ['categories']))}
      option={satisfactionOption}
      isEmpty={(rows) => rows.every((r) => r.satisfaction === null)}
      emptyText={missed ? '所选月份范围未到12月，不含年末满意度测评' : '年末满意度测评尚未进行（每年12月测评）'}
      selected={filters.categories ?? []}
      onSelect={pickCategory}
      actions={action}
      className="lv-survey"
      height={440}
    />
  )
}
