import { periodRange } from '../../src/lib/period'
import { type Context, isoDate, monthOf, type SampleRow, yearOf } from './context'
import { brandNames } from './names'
import { round } from './random'

/** Project types: what the name says, which cluster it serves, its size in 万元. */
const INDUSTRIAL = [
  { product: '新能源汽车零部件智能制造项目', cluster: 'equipment', size: [60_000, 250_000] },
  { product: '高端轴承生产基地项目', cluster: 'equipment', size: [50_000, 150_000] },
  { product: '工业机器人产业园项目', cluster: 'equipment', size: [80_000, 200_000] },
  { product: '氢能装备制造项目', cluster: 'equipment', size: [40_000, 120_000] },
  { product: '精密模具数字化工厂项目', cluster: 'equipment', size: [30_000, 90_000] },
  { product: '高性能碳纤维复合材料项目', cluster: 'materials', size: [80_000, 300_000] },
  { product: '半导体电子化学品项目', cluster: 'materials', size: [60_000, 200_000] },
  { product: '生物基新材料产业化项目', cluster: 'materials', size: [50_000, 160_000] },
  { product: '智能仓储物流中心项目', cluster: 'logistics', size: [30_000, 100_000] },
  { product: '冷链物流园项目', cluster: 'logistics', size: [30_000, 80_000] },
  { product: '进口商品分拨中心项目', cluster: 'logistics', size: [20_000, 60_000] },
  { product: '航空发动机零部件研发制造项目', cluster: 'aerospace', size: [50_000, 180_000] },
  { product: '商业航天结构件项目', cluster: 'aerospace', size: [40_000, 120_000] },
  { product: '生物药CDMO基地项目', cluster: 'biomed', size: [60_000, 220_000] },
  { product: '高端医疗器械产业园项目', cluster: 'biomed', size: [40_000, 120_000] },
  { product: '江南水乡文旅综合体项目', cluster: 'culture_tourism', size: [40_000, 150_000] },
  { product: '滨江文化旅游度假区项目', cluster: 'culture_tourism', size: [60_000, 200_000] },
] as const

const CIVIC = [
  { name: '城市快速路东延工程', category: '基础设施', owner: '市交通投资集团', size: [150_000, 400_000] },
  { name: '港区集疏运道路工程', category: '基础设施', owner: '港区管委会', size: [80_000, 200_000] },
  { name: '污水处理厂提标改造工程', category: '基础设施', owner: '市水务集团', size: [30_000, 90_000] },
  { name: '娄江新城综合管廊工程', category: '基础设施', owner: '市城投集团', size: [60_000, 180_000] },
  { name: '220千伏输变电工程', category: '基础设施', owner: '供电公司', size: [40_000, 90_000] },
  { name: '沿江生态廊道工程', category: '基础设施', owner: '市城投集团', size: [50_000, 150_000] },
  { name: '人民医院新院区工程', category: '社会民生', owner: '市卫健委', size: [150_000, 350_000] },
  { name: '娄江新城九年一贯制学校工程', category: '社会民生', owner: '市教育局', size: [40_000, 90_000] },
  { name: '市体育中心改造工程', category: '社会民生', owner: '市文体旅局', size: [30_000, 80_000] },
  { name: '综合养老服务中心工程', category: '社会民生', owner: '市民政局', size: [20_000, 60_000] },
] as const

const TOWNS_FOR_CLUSTER: Record<string, readonly string[]> = {
  equipment: ['hitech', 'chengxiang', 'shaxi', 'fuqiao'],
  materials: ['port', 'fuqiao', 'huangjing'],
  logistics: ['port', 'liuhe', 'ludu'],
  aerospace: ['hitech', 'loudong'],
  biomed: ['hitech', 'shuangfeng'],
  culture_tourism: ['shaxi', 'liuhe'],
}
const CIVIC_TOWNS = ['loudong', 'chengxiang', 'ludu', 'port', 'hitech', 'liuhe']

interface Project {
  readonly key: number
  readonly name: string
  readonly category: '产业项目' | '基础设施' | '社会民生'
  readonly cluster: string | null
  readonly town: string
  readonly german: boolean
  readonly level: '省重大' | '苏州重点' | '市级重点'
  readonly owner: string
  readonly total: number
  /** First month of construction. */
  readonly start: string
  /** Months of construction. */
  readonly duration: number
  /** Pace against plan: below 1 lags. */
  readonly pace: number
}

const addMonthsIndex = (p: string, n: number) => {
  const i = yearOf(p) * 12 + monthOf(p) - 1 + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

function makeProjects(ctx: Context): Project[] {
  const random = ctx.random.fork('key_projects')
  const count = 64
  const brands = brandNames(random, count)
  const projects: Project[] = []
  // Starts spread from mid-2022 to the latest month, so every list year has new, ongoing and finished projects.
  const startMonths = periodRange('2022-07', addMonthsIndex(ctx.config.throughPeriod, 4))
  for (let i = 0; i < count; i++) {
    const civic = random.chance(0.28)
    const start = startMonths[Math.floor((i / count) * startMonths.length)]!
    if (civic) {
      const c = random.pick(CIVIC)
      const size = random.range(c.size[0], c.size[1])
      projects.push({
        key: i,
        name: c.name.replace('工程', random.chance(0.5) ? '（一期）工程' : '工程'),
        category: c.category,
        cluster: null,
        town: random.pick(CIVIC_TOWNS),
        german: false,
        level: size > 200_000 ? '苏州重点' : '市级重点',
        owner: c.owner,
        total: round(size, 0),
        start,
        duration: random.int(18, 36),
        pace: random.range(0.85, 1.03),
      })
    } else {
      const t = random.pick(INDUSTRIAL)
      const size = random.range(t.size[0], t.size[1])
      const german = t.cluster !== 'culture_tourism' && random.chance(0.3)
      const brand = brands[i]!
      projects.push({
        key: i,
        name: `${brand}${t.product}`,
        category: '产业项目',
        cluster: t.cluster,
        town: random.pick(TOWNS_FOR_CLUSTER[t.cluster]!),
        german,
        level: size > 180_000 ? '省重大' : size > 90_000 ? '苏州重点' : '市级重点',
        owner: `${brand}${german ? '（太仓）' : ''}${t.cluster === 'culture_tourism' ? '文旅发展有限公司' : '科技有限公司'}`,
        total: round(size, 0),
        start,
        duration: random.int(12, 30),
        // Most projects keep to plan or run a little behind; about one in seven lags badly.
        pace: random.chance(0.15) ? random.range(0.55, 0.8) : random.range(0.96, 1.04),
      })
    }
  }
  return projects
}

const smoothstep = (x: number) => x * x * (3 - 2 * x) // slow start, fast middle, slow finish

/** The share of `total` spent in `period` on an S-shaped schedule of `months` months from `start`. */
function shareOf(start: string, months: number, period: string): number {
  const i = (yearOf(period) - yearOf(start)) * 12 + monthOf(period) - monthOf(start)
  if (i < 0 || i >= months) return 0
  return smoothstep((i + 1) / months) - smoothstep(i / months)
}

/** Months the project really takes: a lagging project (pace < 1) takes longer than planned. */
function actualMonths(project: Project): number {
  return Math.max(6, Math.round(project.duration / project.pace))
}

function finishPeriod(project: Project): string {
  return addMonthsIndex(project.start, actualMonths(project) - 1)
}

function statusAt(project: Project, period: string, listYear: number): string {
  const finish = finishPeriod(project)
  if (period < project.start) return '前期'
  if (period > finish) {
    // Industrial projects go into production a quarter after completion.
    return project.category === '产业项目' && period > addMonthsIndex(finish, 3) ? '投产' : '竣工'
  }
  return yearOf(project.start) === listYear ? '新开工' : '在建'
}

export function generateProjects(ctx: Context): { projects: SampleRow[]; progress: SampleRow[] } {
  const random = ctx.random.fork('project_progress')
  const through = ctx.config.throughPeriod
  const firstYear = yearOf(ctx.config.firstPeriod)
  const projectRows: SampleRow[] = []
  const progressRows: SampleRow[] = []
  const all = makeProjects(ctx)
  for (let year = firstYear; year <= yearOf(through); year++) {
    const yearStart = `${year}-01`
    const yearEnd = `${year}-12`
    // On the year's list: projects that start by the end of the year (or early next year, as 前期)
    // and have not finished before it began.
    const listed = all.filter((p) => p.start <= addMonthsIndex(yearEnd, 3) && finishPeriod(p) >= yearStart)
    listed.forEach((p, index) => {
      const id = `KP${year}-${String(index + 1).padStart(3, '0')}`
      const months = periodRange(yearStart, yearEnd)
      // The year's plan is set at the start of the year: the original schedule, or for a
      // delayed project the work now expected this year, whichever is larger; planners are a
      // little optimistic, so most projects finish the year at 90–100% of plan.
      const planned = months.reduce((sum, m) => sum + shareOf(p.start, p.duration, m), 0)
      const replanned = months.reduce((sum, m) => sum + shareOf(p.start, actualMonths(p), m), 0) * 0.9
      const plan = Math.max(planned, replanned) * p.total * random.range(1.0, 1.06)
      const asOf = yearEnd < through ? yearEnd : through
      projectRows.push({
        project_id: id,
        year,
        name: p.name,
        level: p.level,
        category: p.category,
        cluster_id: p.cluster,
        town_id: p.town,
        german_cooperation: p.german,
        owner_unit: p.owner,
        total_investment: p.total,
        // 前期 projects still carry a small planned spend (land, design) in their list year.
        year_plan_investment: round(Math.max(plan, p.total * 0.02), 0),
        start_date: isoDate(yearOf(p.start), monthOf(p.start), 1 + (p.key % 27)),
        planned_finish: isoDate(
          yearOf(addMonthsIndex(p.start, p.duration - 1)),
          monthOf(addMonthsIndex(p.start, p.duration - 1)),
          28,
        ),
        status: statusAt(p, asOf, year),
      })
      const actual = actualMonths(p)
      let cumulative = periodRange(p.start, addMonthsIndex(yearStart, -1)).reduce(
        (sum, m) => sum + shareOf(p.start, actual, m),
        0,
      )
      for (const period of months) {
        if (period > through) break
        const share = shareOf(p.start, actual, period)
        if (share <= 0) continue
        cumulative = Math.min(1, cumulative + share)
        progressRows.push({
          period,
          project_id: id,
          investment_completed: round(share * p.total * Math.max(0.6, 1 + 0.08 * random.normal())),
          progress_pct: round(cumulative * 100, 1),
        })
      }
    })
  }
  progressRows.sort(
    (a, b) =>
      String(a.period).localeCompare(String(b.period)) || String(a.project_id).localeCompare(String(b.project_id)),
  )
  return { projects: projectRows, progress: progressRows }
}
