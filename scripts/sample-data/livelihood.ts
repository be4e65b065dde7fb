import { periodRange } from '../../src/lib/period'
import { type Context, monthOf, type SampleRow, yearOf } from './context'
import { round } from './random'

interface ItemTemplate {
  readonly category: string
  /** `{n}` is the target value. */
  readonly name: string
  readonly unit: string
  readonly target: readonly [number, number]
  /** 万元 per unit of target. */
  readonly costPerUnit: number
  readonly responsible: string
}

/** Typical items of a county's annual livelihood list. Targets and budgets are sample values. */
const TEMPLATES: readonly ItemTemplate[] = [
  {
    category: '教育',
    name: '新建、改扩建中小学和幼儿园{n}所',
    unit: '所',
    target: [3, 6],
    costPerUnit: 4_500,
    responsible: '市教育局',
  },
  {
    category: '教育',
    name: '建设普惠性托育点{n}个',
    unit: '个',
    target: [8, 15],
    costPerUnit: 60,
    responsible: '市卫健委',
  },
  {
    category: '医疗卫生',
    name: '为适龄妇女开展“两癌”免费筛查{n}人次',
    unit: '人次',
    target: [15_000, 25_000],
    costPerUnit: 0.03,
    responsible: '市卫健委',
  },
  {
    category: '医疗卫生',
    name: '改造提升村卫生室{n}家',
    unit: '家',
    target: [10, 20],
    costPerUnit: 45,
    responsible: '市卫健委',
  },
  {
    category: '医疗卫生',
    name: '开展老年人免费健康体检{n}人次',
    unit: '人次',
    target: [50_000, 80_000],
    costPerUnit: 0.012,
    responsible: '市卫健委',
  },
  {
    category: '养老服务',
    name: '新增养老床位{n}张',
    unit: '张',
    target: [200, 400],
    costPerUnit: 6,
    responsible: '市民政局',
  },
  {
    category: '养老服务',
    name: '建设社区老年助餐点{n}个',
    unit: '个',
    target: [15, 30],
    costPerUnit: 25,
    responsible: '市民政局',
  },
  {
    category: '养老服务',
    name: '完成困难老年人家庭适老化改造{n}户',
    unit: '户',
    target: [300, 600],
    costPerUnit: 0.6,
    responsible: '市民政局',
  },
  {
    category: '交通出行',
    name: '新增公共停车泊位{n}个',
    unit: '个',
    target: [1_500, 3_000],
    costPerUnit: 1.2,
    responsible: '市住建局',
  },
  {
    category: '交通出行',
    name: '新辟优化城乡公交线路{n}条',
    unit: '条',
    target: [6, 12],
    costPerUnit: 80,
    responsible: '市交通运输局',
  },
  {
    category: '交通出行',
    name: '改造提升农村公路{n}公里',
    unit: '公里',
    target: [40, 80],
    costPerUnit: 90,
    responsible: '市交通运输局',
  },
  {
    category: '城乡建设',
    name: '改造老旧小区{n}个',
    unit: '个',
    target: [10, 20],
    costPerUnit: 600,
    responsible: '市住建局',
  },
  {
    category: '城乡建设',
    name: '新建改造口袋公园{n}个',
    unit: '个',
    target: [8, 15],
    costPerUnit: 120,
    responsible: '市住建局',
  },
  {
    category: '城乡建设',
    name: '完成住宅老旧电梯更新改造{n}台',
    unit: '台',
    target: [80, 150],
    costPerUnit: 35,
    responsible: '市市场监管局',
  },
  {
    category: '生态环境',
    name: '整治提升农村河道{n}条',
    unit: '条',
    target: [30, 60],
    costPerUnit: 40,
    responsible: '市水务局',
  },
  {
    category: '生态环境',
    name: '建成生活垃圾分类示范小区{n}个',
    unit: '个',
    target: [20, 40],
    costPerUnit: 30,
    responsible: '市城管局',
  },
  {
    category: '文化体育',
    name: '建设城市书房{n}家',
    unit: '家',
    target: [4, 8],
    costPerUnit: 150,
    responsible: '市文体旅局',
  },
  {
    category: '文化体育',
    name: '新建更新全民健身路径{n}套',
    unit: '套',
    target: [40, 80],
    costPerUnit: 8,
    responsible: '市文体旅局',
  },
  {
    category: '文化体育',
    name: '开展文化惠民演出{n}场',
    unit: '场',
    target: [300, 500],
    costPerUnit: 1.5,
    responsible: '市文体旅局',
  },
  {
    category: '就业社保',
    name: '开展职业技能培训{n}人次',
    unit: '人次',
    target: [10_000, 20_000],
    costPerUnit: 0.08,
    responsible: '市人社局',
  },
  {
    category: '就业社保',
    name: '建设“家门口”零工驿站{n}个',
    unit: '个',
    target: [5, 10],
    costPerUnit: 30,
    responsible: '市人社局',
  },
  {
    category: '就业社保',
    name: '为新就业形态劳动者建设服务站点{n}个',
    unit: '个',
    target: [20, 40],
    costPerUnit: 8,
    responsible: '市总工会',
  },
]

/** Items per list year: 20 in 2024 is the report's figure; the other years are sample counts. */
const ITEMS_PER_YEAR: Readonly<Record<number, number>> = { 2023: 18, 2024: 20, 2025: 20, 2026: 20 }

/** Rounds a target to a figure a list would print. */
function niceTarget(value: number): number {
  if (value >= 10_000) return Math.round(value / 1_000) * 1_000
  if (value >= 1_000) return Math.round(value / 100) * 100
  if (value >= 100) return Math.round(value / 10) * 10
  return Math.round(value)
}

export function generateLivelihood(ctx: Context): { items: SampleRow[]; progress: SampleRow[] } {
  const random = ctx.random.fork('livelihood')
  const through = ctx.config.throughPeriod
  const items: SampleRow[] = []
  const progress: SampleRow[] = []
  for (let year = yearOf(ctx.config.firstPeriod); year <= yearOf(through); year++) {
    const count = ITEMS_PER_YEAR[year] ?? 20
    const chosen = random.shuffle(TEMPLATES).slice(0, count)
    // Two items a year run late; in a finished year they still close by December.
    const late = new Set(random.shuffle([...chosen.keys()]).slice(0, 2))
    const votesCast = random.int(268, 296)
    chosen.forEach((t, index) => {
      const id = `LS${year}-${String(index + 1).padStart(2, '0')}`
      const target = niceTarget(random.range(t.target[0], t.target[1]))
      const budget = round(target * t.costPerUnit * random.range(0.85, 1.15), 0)
      items.push({
        item_id: id,
        year,
        name: t.name.replace('{n}', String(target)),
        category: t.category,
        votes_for: Math.round(votesCast * random.range(0.86, 0.99)),
        votes_cast: votesCast,
        budget,
        responsible_unit: t.responsible,
        target: t.name.replace('{n}', String(target)),
        target_value: target,
        target_unit: t.unit,
      })
      // Work starts after the vote at the January session and is due by the finish month.
      const finish = late.has(index) ? 12 : random.int(9, 11)
      const isLate = late.has(index)
      let spentShare = 0
      let previous = 0
      for (const period of periodRange(`${year}-02`, `${year}-12`)) {
        if (period > through) break
        const m = monthOf(period)
        const x = Math.min(1, (m - 1) / (finish - 1))
        const planned = x * x * (3 - 2 * x)
        const actual = isLate && year === yearOf(through) ? planned * 0.62 : planned
        // Progress is cumulative: it never goes back, and it is exactly 100 once finished.
        const pct = Math.max(
          previous,
          Math.min(100, round(actual * 100 * (m >= finish ? 1 : random.range(0.94, 1.02)), 1)),
        )
        previous = pct
        spentShare = Math.max(spentShare, (pct / 100) * random.range(0.9, 1.02))
        progress.push({
          period,
          item_id: id,
          progress_pct: pct,
          spent: round(budget * Math.min(1, spentShare)),
          completed_value: niceTarget((target * pct) / 100),
          satisfaction: m === 12 ? round(random.range(90.5, 98.8), 1) : null,
        })
      }
    })
  }
  return {
    items,
    progress: progress.sort(
      (a, b) => String(a.period).localeCompare(String(b.period)) || String(a.item_id).localeCompare(String(b.item_id)),
    ),
  }
}
