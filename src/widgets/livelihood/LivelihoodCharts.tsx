import {
  categoryBudgetOption,
  categoryShareOption,
  itemsProgressOption,
  livelihoodMonthlyOption,
  votesOption,
} from '../../charts/livelihood'
import { periodLabel } from '../../lib/period'
import { without } from '../../queries/filters'
import {
  BEHIND_POINTS,
  type ItemRow,
  type LivelihoodCategoryRow,
  livelihoodCategorySql,
  livelihoodItemsSql,
  livelihoodMonthlySql,
  type LivelihoodMonthRow,
} from '../../queries/livelihood'
import { ChartWidget } from '../ChartWidget'
import { pickCategory, type Props, TABLES } from './common'

/*
 * Every chart here that is clicked selects a category. A chart is not filtered by the
 * dimension it selects on — it keeps all the year's items or categories and highlights the
 * selection — while the monthly curve, the narrative and the table follow the filter.
 */

const asOf = (rows: readonly ItemRow[]) => {
  const latest = rows
    .map((r) => r.period)
    .filter(Boolean)
    .sort()
    .pop()
  return latest ? `截至${periodLabel(latest)}` : '尚未报送进度'
}

export function LivelihoodProgress({ filters }: Props) {
  return (
    <ChartWidget<ItemRow>
      id="livelihood-progress"
      title="项目进度与序时进度"
      subtitle={(rows) =>
        `${rows[0]?.year ?? ''}年 · ${asOf(rows)} · 橙色为进度滞后（低于序时进度${BEHIND_POINTS}个百分点以上）`
      }
      tables={TABLES}
      sql={livelihoodItemsSql(without(filters, ['categories']))}
      prefetch={(f) => livelihoodItemsSql(without(f, ['categories']))}
      option={itemsProgressOption}
      emptyText="所选年度没有民生实事项目"
      selected={filters.categories ?? []}
      onSelect={pickCategory}
      height={520}
    />
  )
}

export function LivelihoodVotes({ filters }: Props) {
  return (
    <ChartWidget<ItemRow>
      id="livelihood-votes"
      title="代表票决结果"
      subtitle={(rows) => `${rows[0]?.year ?? ''}年人民代表大会票决 · 得票率，标注赞成票 / 投票数`}
      tables={TABLES}
      sql={livelihoodItemsSql(without(filters, ['categories']))}
      prefetch={(f) => livelihoodItemsSql(without(f, ['categories']))}
      option={votesOption}
      emptyText="所选年度没有民生实事项目"
      selected={filters.categories ?? []}
      onSelect={pickCategory}
      height={520}
    />
  )
}

export function LivelihoodMonthly({ filters }: Props) {
  return (
    <ChartWidget<LivelihoodMonthRow>
      id="livelihood-monthly"
      title="平均进度走势"
      subtitle={(rows) =>
        rows[0]
          ? `${rows[0].period.slice(0, 4)}年${filters.categories?.length ? ` · ${filters.categories.join('、')}` : ''} · 序时进度自2月起按月匀速推进至12月完成`
          : ''
      }
      tables={TABLES}
      sql={livelihoodMonthlySql(filters)}
      prefetch={livelihoodMonthlySql}
      option={livelihoodMonthlyOption}
      emptyText="所选范围内还没有进度报送"
      height={260}
    />
  )
}

export function LivelihoodBudget({ filters }: Props) {
  return (
    <ChartWidget<LivelihoodCategoryRow>
      id="livelihood-budget"
      title="分类别预算与支出"
      subtitle={() => '预算与累计支出 · 点击筛选类别'}
      tables={TABLES}
      sql={livelihoodCategorySql(filters)}
      prefetch={livelihoodCategorySql}
      option={categoryBudgetOption}
      emptyText="所选年度没有民生实事项目"
      selected={filters.categories ?? []}
      onSelect={pickCategory}
      height={260}
    />
  )
}

export function LivelihoodCategories({ filters }: Props) {
  return (
    <ChartWidget<LivelihoodCategoryRow>
      id="livelihood-category"
      title="项目类别"
      subtitle={() => '项目数 · 点击筛选类别'}
      tables={TABLES}
      sql={livelihoodCategorySql(filters)}
      prefetch={livelihoodCategorySql}
      option={categoryShareOption}
      emptyText="所选年度没有民生实事项目"
      selected={filters.categories ?? []}
      onSelect={pickCategory}
      height={260}
    />
  )
}
