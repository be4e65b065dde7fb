import {
  categoryBudgetOption,
  categoryShareOption,
  itemsProgressOption,
  livelihoodMonthlyOption,
  satisfactionOption,
  votesOption,
} from '../charts/livelihood'
import { formatNumber, formatPercent, formatWan } from '../lib/format'
import { parsePeriod, periodLabel } from '../lib/period'
import {
  BEHIND_POINTS,
  type ItemRow,
  LIVELIHOOD_ANCHOR,
  type LivelihoodCategoryRow,
  livelihoodCategorySql,
  livelihoodItemsSql,
  livelihoodMonthlySql,
  type LivelihoodMonthRow,
  type LivelihoodSummaryRow,
  livelihoodSummarySql,
  livelihoodSurveySql,
  livelihoodTableSql,
  type SurveyRow,
} from '../queries/livelihood'
import { over } from '../queries/query'
import { deskPage } from './page'
import { chart, list, narrative, table, yearOf } from './types'

/*
 * Livelihood items (民生实事). Every chart here that is clicked selects a category. A chart is
 * not filtered by the dimension it selects on — it keeps all the year's items or categories
 * and highlights the selection — while the monthly curve, the narrative and the table follow it.
 */

/** How many behind items the narrative names before "等". */
const NAMED = 3
const quoted = (name: string) => `“${name}”`

/**
 * "2026年，经人大代表票决的20项民生实事项目（平均得票率93.5%）截至10月平均进度94.4%，…"
 * — every figure from the SQL; the names are text (React renders them as such).
 */
export function livelihoodNarrative(r: LivelihoodSummaryRow): string {
  const scope = r.categories ? `${r.categories}类` : ''
  if (!r.year || r.items === 0)
    return r.year ? `${r.year}年没有经代表票决的${scope}民生实事项目。` : '所选年度没有经代表票决的民生实事项目。'
  const subject = r.categories
    ? `${r.year}年，经人大代表票决的民生实事项目中，${scope}${r.items}项`
    : `${r.year}年，经人大代表票决的${r.items}项民生实事项目`
  const votes = r.avg_vote_rate === null ? '' : `（平均得票率${formatPercent(r.avg_vote_rate)}）`
  if (!r.through) return `${subject}${votes}尚未报送进度。`

  const p = parsePeriod(r.through)
  const asOf = p.year === r.year ? `截至${p.month}月` : `截至${periodLabel(r.through)}`
  const spend = `累计支出${formatWan(r.spent ?? 0)}，占预算的${formatPercent(r.budget ? (r.spent ?? 0) / r.budget : null)}`
  const done = r.completed === r.items
  const first = done
    ? `${subject}${votes}${asOf}已全部完成，${spend}。`
    : `${subject}${votes}${asOf}平均进度${formatNumber(r.avg_progress, 1)}%，已完成${r.completed}项，${spend}。`

  const names = r.behind_names ?? []
  const named = names.length
    ? `：${names.slice(0, NAMED).map(quoted).join('、')}${names.length > NAMED ? '等' : ''}`
    : ''
  const second =
    r.behind > 0
      ? `进度滞后（低于序时进度${BEHIND_POINTS}个百分点以上）的项目${r.behind}项${named}，需重点督促。`
      : done
        ? ''
        : '各项目均达到序时进度要求。'

  const lowest =
    r.surveyed > 1 && r.min_satisfaction_name
      ? `，最低为${quoted(r.min_satisfaction_name)}（${formatNumber(r.min_satisfaction, 1)}%）`
      : ''
  const third =
    r.surveyed > 0 ? `年末满意度测评${r.surveyed}项，平均满意度${formatNumber(r.avg_satisfaction, 1)}%${lowest}。` : ''
  return first + second + third
}

export const LIVELIHOOD_NARRATIVE = narrative<LivelihoodSummaryRow>('livelihood-narrative', '综述', {
  query: over(livelihoodSummarySql),
  compose: livelihoodNarrative,
})

const BY_CATEGORY = { dimension: 'categories', cross: true } as const
const NO_ITEMS = '所选年度没有民生实事项目'
/** The year's items, for the progress, vote and survey charts: every item whatever category is selected. */
const EVERY_ITEM = { query: over<ItemRow>(livelihoodItemsSql), crossFilter: BY_CATEGORY, emptyText: NO_ITEMS }
/** The year's categories, for the budget and the donut. */
const EVERY_CATEGORY = {
  query: over<LivelihoodCategoryRow>(livelihoodCategorySql),
  crossFilter: BY_CATEGORY,
  emptyText: NO_ITEMS,
  height: 260,
}

const asOf = (rows: readonly ItemRow[]) => {
  const latest = rows
    .map((r) => r.period)
    .filter(Boolean)
    .sort()
    .pop()
  return latest ? `截至${periodLabel(latest)}` : '尚未报送进度'
}

export const LIVELIHOOD_ITEMS = chart<ItemRow>('livelihood-progress', '项目进度与序时进度', {
  subtitle: (rows) =>
    `${rows[0]?.year ?? ''}年 · ${asOf(rows)} · 橙色为进度滞后（低于序时进度${BEHIND_POINTS}个百分点以上）`,
  ...EVERY_ITEM,
  option: itemsProgressOption,
  height: 520,
  wall: {
    id: 'screen-livelihood-progress',
    title: '民生实事项目进度',
    subtitle: (rows) => `${rows[0]?.year ?? ''}年代表票决项目 · 橙色为滞后`,
    emptyText: '本年尚无民生实事项目',
  },
})

export const LIVELIHOOD_VOTES = chart<ItemRow>('livelihood-votes', '代表票决结果', {
  subtitle: (rows) => `${rows[0]?.year ?? ''}年人民代表大会票决 · 得票率，标注赞成票 / 投票数`,
  ...EVERY_ITEM,
  option: votesOption,
  height: 520,
  wall: { id: 'screen-livelihood-votes', subtitle: (rows) => `${rows[0]?.year ?? ''}年人代会票决 · 得票率` },
})

/** The monthly curve follows the category filter. */
export const LIVELIHOOD_MONTHLY = chart<LivelihoodMonthRow>('livelihood-monthly', '平均进度走势', {
  subtitle: (rows, filters) =>
    rows[0]
      ? `${rows[0].period.slice(0, 4)}年${filters.categories?.length ? ` · ${filters.categories.join('、')}` : ''}` +
        ' · 序时进度自2月起按月匀速推进至12月完成'
      : '',
  query: over(livelihoodMonthlySql),
  option: livelihoodMonthlyOption,
  emptyText: '所选范围内还没有进度报送',
  height: 260,
  wall: { id: 'screen-livelihood-monthly', subtitle: (rows) => `${yearOf(rows)} · 与序时进度对照` },
})

export const LIVELIHOOD_BUDGET = chart<LivelihoodCategoryRow>('livelihood-budget', '分类别预算与支出', {
  subtitle: () => '预算与累计支出 · 点击筛选类别',
  ...EVERY_CATEGORY,
  option: categoryBudgetOption,
  wall: { id: 'screen-livelihood-budget', subtitle: () => '本年预算与累计支出' },
})

export const LIVELIHOOD_CATEGORIES = chart<LivelihoodCategoryRow>('livelihood-category', '项目类别', {
  subtitle: () => '项目数 · 点击筛选类别',
  ...EVERY_CATEGORY,
  option: categoryShareOption,
  wall: { id: 'screen-livelihood-category', subtitle: () => '项目数', cycle: true },
})

/** Which survey the scope has, or the latest there is: what the satisfaction view offers to go to. */
export const LIVELIHOOD_SURVEY = list<SurveyRow>('livelihood-survey', '年末满意度测评', {
  query: over(livelihoodSurveySql),
})

/** The year-end survey, per item; its text says when the scope stops short of December. */
export const LIVELIHOOD_SATISFACTION = chart<ItemRow>('livelihood-satisfaction', '年末满意度测评', {
  subtitle: (rows) => `${rows[0]?.year ?? ''}年12月测评 · 满意度`,
  ...EVERY_ITEM,
  option: satisfactionOption,
  isEmpty: (rows) => rows.every((r) => r.satisfaction === null),
  emptyText: '年末满意度测评尚未进行（每年12月测评）',
  height: 440,
  also: [LIVELIHOOD_SURVEY],
})

export const LIVELIHOOD_TABLE = table<unknown>('livelihood-table', '民生实事项目明细', {
  query: over(livelihoodTableSql),
  order: { sort: [{ id: 'progress', desc: false }], tiebreak: ['item_id'] },
  emptyText: '所选范围内没有民生实事项目',
  height: 440,
})

/** Every chart here cross-filters by category. Items have no cluster or town: the filter bar has year and months. */
export const LIVELIHOOD_PAGE = deskPage({
  path: '/livelihood',
  title: '民生实事',
  lede: '实行人大代表票决制：政府提出候选项目，人民代表大会会议上由代表投票决定年度民生实事项目，常委会全程跟踪监督，年末组织满意度测评',
  anchor: LIVELIHOOD_ANCHOR,
  places: false,
  narrative: LIVELIHOOD_NARRATIVE,
  grid: [
    [6, LIVELIHOOD_ITEMS],
    [6, LIVELIHOOD_VOTES],
    [4, LIVELIHOOD_MONTHLY],
    [4, LIVELIHOOD_BUDGET],
    [4, LIVELIHOOD_CATEGORIES],
    [4, LIVELIHOOD_SATISFACTION],
    [8, LIVELIHOOD_TABLE],
  ],
})
