import {
  activitiesOption,
  microOption,
  microTownsOption,
  suggestionCategoriesOption,
  suggestionsOption,
} from '../charts/supervision'
import { formatPercent } from '../lib/format'
import { rangeLabel } from '../lib/period'
import type { FilterSet } from '../queries/filters'
import { from, over } from '../queries/query'
import {
  activitiesByYearSql,
  type ActivityCountRow,
  ledgerSql,
  microByTownSql,
  microByYearSql,
  type MicroTownRow,
  type MicroYearRow,
  type ReconciliationRow,
  reconciliationSql,
  type ReportFigureRow,
  reportFiguresSql,
  suggestionCategoriesSql,
  type SuggestionCategoryRow,
  suggestionsByYearSql,
  type SuggestionYearRow,
  SUPERVISION_ANCHOR,
  type SupervisionSummaryRow,
  supervisionSummarySql,
} from '../queries/supervision'
import { deskPage } from './page'
import { chart, list, narrative, table } from './types'

/** Supervision and deputies' work (监督与代表工作): the activities chart cross-filters by type. */

/**
 * How the work report words each kind of activity: meetings are "召开", supervision visits
 * "开展", reports "听取审议", resolutions "作出". Clauses of one verb are joined with "、",
 * clauses of different verbs with "，".
 */
const CLAUSES: readonly { readonly verb: string; readonly types: readonly string[]; readonly measure: string }[] = [
  { verb: '召开', types: ['常委会会议', '主任会议'], measure: '次' },
  { verb: '开展', types: ['视察', '执法检查', '专题询问', '专题调研'], measure: '次' },
  { verb: '听取审议', types: ['专项工作报告'], measure: '项' },
  { verb: '作出', types: ['决议决定'], measure: '项' },
]

/** "召开常委会会议9次、主任会议13次，开展视察7次、执法检查4次，…" from the ledger counts (zeros left out). */
export function activitiesClause(counts: SupervisionSummaryRow['counts']): string {
  const done = counts.filter((c) => c.n > 0)
  const known = new Set(CLAUSES.flatMap((c) => c.types))
  const clauses = CLAUSES.map(({ verb, types, measure }) => {
    const items = types.flatMap((t) => done.filter((c) => c.type === t).map((c) => `${c.type}${c.n}${measure}`))
    return items.length ? `${verb}${items.join('、')}` : ''
  }).filter(Boolean)
  // A type the vocabulary may gain later still gets said, plainly.
  const others = done.filter((c) => !known.has(c.type)).map((c) => `${c.type}${c.n}项`)
  return [...clauses, ...others].join('，')
}

/**
 * "2026年1—10月，召开常委会会议9次、主任会议13次，开展视察7次……。2026年代表建议141件，其中重点督办10件，
 * 已办结130件，满意率100.0%；代表提出微建议300条，已解决262条。"
 */
export function supervisionNarrative(r: SupervisionSummaryRow): string {
  if (!r.year || !r.start) return '监督工作台账中尚无记录。'
  // A whole year reads as the report words it, "2024年"; part of one as "2026年1—10月".
  const through = r.through ?? r.start
  const wholeYear = r.start.endsWith('-01') && through === `${r.year}-12`
  const span = wholeYear ? `${r.year}年` : rangeLabel(r.start, through)
  const done = activitiesClause(r.counts)
  const first = `${span}，${done || '台账中没有监督活动记录'}。`
  const rest: string[] = []
  if (r.suggestions > 0) {
    const key = r.key > 0 ? `，其中重点督办${r.key}件` : ''
    const handled = r.handled === r.suggestions ? '已全部办结' : r.handled === 0 ? '尚在办理中' : `已办结${r.handled}件`
    const satisfaction = r.satisfaction !== null ? `，满意率${formatPercent(r.satisfaction)}` : ''
    rest.push(`${r.year}年代表建议${r.suggestions}件${key}，${handled}${satisfaction}`)
  }
  if (r.micro_raised > 0) {
    // A past year counts what was resolved within it, as the reports do; a year under way, what is resolved so far.
    const when = wholeYear ? '当年' : '已'
    rest.push(
      `代表提出微建议${r.micro_raised}条，` +
        (r.micro_resolved === r.micro_raised ? `${when}全部解决` : `${when}解决${r.micro_resolved}条`),
    )
  }
  return rest.length ? `${first}${rest.join('；')}。` : first
}

export const SUPERVISION_NARRATIVE = narrative<SupervisionSummaryRow>('supervision-narrative', '综述', {
  query: over(supervisionSummarySql),
  compose: supervisionNarrative,
})

/** This year's supervision work as counters on the wall: the narrative's query. */
export const SUPERVISION_COUNTERS = list<SupervisionSummaryRow>('screen-supervision-counters', '本年监督与代表工作', {
  query: over(supervisionSummarySql),
})

const monthsLabel = (f: FilterSet) =>
  f.fromMonth !== undefined || f.toMonth !== undefined
    ? `各年${f.fromMonth ?? 1}—${f.toMonth ?? 12}月`
    : '往年为全年，本年至最新月份'

export const ACTIVITIES = chart<ActivityCountRow>('supervision-activities', '监督活动分年度分类型', {
  subtitle: (_, filters) => `监督工作台账 · ${monthsLabel(filters)} · 点击筛选类型`,
  query: over(activitiesByYearSql),
  crossFilter: { dimension: 'types', cross: true },
  option: activitiesOption,
  emptyText: '台账中没有监督活动',
  height: 430,
  wall: { id: 'screen-supervision-activities', title: '监督活动分年度', subtitle: () => '监督工作台账 · 次' },
})

export const SUGGESTIONS_BY_YEAR = chart<SuggestionYearRow>('supervision-suggestions', '代表建议办理', {
  subtitle: () => '按人代会年度 · 满意率为满意和基本满意占已测评的比例',
  query: over(suggestionsByYearSql),
  option: suggestionsOption,
  emptyText: '没有代表建议记录',
  height: 280,
  wall: { id: 'screen-supervision-suggestions', subtitle: () => '按人代会年度 · 件，折线为满意率' },
})

export const MICRO = chart<MicroYearRow>('supervision-micro', '代表微建议', {
  subtitle: (_, filters) => `网格化履职中提出的微建议及解决情况 · ${monthsLabel(filters)}`,
  query: over(microByYearSql),
  option: microOption,
  emptyText: '没有微建议记录',
  height: 280,
  wall: { id: 'screen-supervision-micro', subtitle: () => '提出与解决 · 条' },
})

/** The scope year's suggestions by category: in a year still under way, where answers are outstanding. */
export const SUGGESTION_CATEGORIES = chart<SuggestionCategoryRow>(
  'supervision-suggestion-categories',
  '本年度建议分类别办理',
  {
    subtitle: (rows) => `${rows[0]?.year ?? ''}年 · 按建议类别 · 件`,
    query: over(suggestionCategoriesSql),
    option: suggestionCategoriesOption,
    emptyText: '该年度没有代表建议记录',
    height: 280,
    wall: {
      id: 'screen-supervision-categories',
      title: '本年度建议分类别',
      subtitle: (rows) => `${rows[0]?.year ?? ''}年 · 件`,
    },
  },
)

/** Micro-suggestions of the scope (year and months) by town: the one place a town matters on this page. */
export const MICRO_TOWNS = chart<MicroTownRow>('supervision-micro-towns', '微建议分镇区', {
  subtitle: (rows) => (rows[0] ? `${rangeLabel(rows[0].start, rows[0].through)}提出 · 按所在镇区 · 条` : ''),
  query: over(microByTownSql),
  option: microTownsOption,
  emptyText: '所选范围内没有微建议',
  height: 372,
})

export const LEDGER = table<unknown>('supervision-table', '监督工作台账', {
  query: over(ledgerSql),
  order: { sort: [{ id: 'date', desc: true }], tiebreak: ['activity_id'] },
  emptyText: '所选范围内台账没有记录',
  height: 360,
})

/**
 * The reports' figures as printed: one block per category, one line per measure, one column
 * per report year. No filter changes them.
 */
export const REPORT_FIGURES = list<ReportFigureRow>('supervision-report-figures', '工作报告中的年度数字', {
  subtitle: '指标用语、单位和约数均照录报告原文；鼠标停留在数字上可见原文',
  query: () => from(reportFiguresSql()),
  emptyText: '尚未载入工作报告数字',
})

/** Where the ledger and the report agree, and where they do not. */
export const RECONCILIATION = list<ReconciliationRow>('supervision-reconciliation', '台账与工作报告核对', {
  query: () => from(reconciliationSql()),
  emptyText: '没有可核对的报告年度',
})

/**
 * The filtered views come first (the type chips and clicks act on them); the reports' figures,
 * which no filter changes, close the page as reference. The activities chart cross-filters by
 * type. "Latest" is the ledger's latest month: the reports are annual, the ledger is not.
 */
export const SUPERVISION_PAGE = deskPage({
  path: '/supervision',
  title: '监督与代表工作',
  lede: '常委会监督活动台账、工作报告年度数字及二者核对，代表建议和微建议办理',
  anchor: SUPERVISION_ANCHOR,
  places: false,
  narrative: SUPERVISION_NARRATIVE,
  grid: [
    [7, ACTIVITIES],
    [5, RECONCILIATION],
    [4, SUGGESTIONS_BY_YEAR],
    [4, SUGGESTION_CATEGORIES],
    [4, MICRO],
    [5, MICRO_TOWNS],
    [7, LEDGER],
    [12, REPORT_FIGURES],
  ],
})
