import { CLUSTERS, ISSUE_CATEGORIES, TOWNS } from '../../src/datasets/vocabulary'
import { periodRange } from '../../src/lib/period'
import { type Context, isoDate, monthOf, safeDay, type SampleRow, yearOf } from './context'
import { brandNames, personNames } from './names'
import { type Random, round } from './random'

type ClusterId = (typeof CLUSTERS)[number]['id']
type TownId = (typeof TOWNS)[number]['id']

/** What happens to a point in the sample, so the warning and YoY views have something real to show. */
type Scenario =
  | 'steady'
  /** Output, electricity and capacity fall from 2025-09 (a steel downturn). */
  | 'downturn'
  /** Tax falls sharply in the latest year while output holds. */
  | 'tax_drop'
  /** Headcount shrinks in the latest year. */
  | 'layoffs'

interface PointSpec {
  readonly cluster: ClusterId
  readonly town: TownId
  readonly industry: string
  readonly suffix: string
  readonly ownership: string
  readonly german: boolean
  /** Typical monthly output, 万元. */
  readonly output: number
  readonly employees: number
  readonly scenario: Scenario
}

/** The 19 points of the 2024 report, spread over the "3+3" clusters. Brands are fictitious. */
const POINT_SPECS: readonly PointSpec[] = [
  {
    cluster: 'equipment',
    town: 'hitech',
    industry: '汽车零部件',
    suffix: '汽车部件（太仓）有限公司',
    ownership: '外资',
    german: true,
    output: 18_000,
    employees: 1600,
    scenario: 'steady',
  },
  {
    cluster: 'equipment',
    town: 'chengxiang',
    industry: '精密机械',
    suffix: '精密机械有限公司',
    ownership: '民营',
    german: false,
    output: 9_000,
    employees: 820,
    scenario: 'steady',
  },
  {
    cluster: 'equipment',
    town: 'shaxi',
    industry: '智能装备',
    suffix: '智能装备股份有限公司',
    ownership: '民营',
    german: false,
    output: 12_000,
    employees: 950,
    scenario: 'steady',
  },
  {
    cluster: 'equipment',
    town: 'fuqiao',
    industry: '海工装备',
    suffix: '海洋工程装备有限公司',
    ownership: '国有',
    german: false,
    output: 22_000,
    employees: 2100,
    scenario: 'steady',
  },
  {
    cluster: 'equipment',
    town: 'hitech',
    industry: '工业机器人',
    suffix: '机器人科技有限公司',
    ownership: '中外合资',
    german: true,
    output: 7_000,
    employees: 560,
    scenario: 'steady',
  },
  {
    cluster: 'materials',
    town: 'port',
    industry: '化工新材料',
    suffix: '新材料科技有限公司',
    ownership: '外资',
    german: false,
    output: 35_000,
    employees: 1200,
    scenario: 'steady',
  },
  {
    cluster: 'materials',
    town: 'fuqiao',
    industry: '特种钢材',
    suffix: '特钢有限公司',
    ownership: '国有',
    german: false,
    output: 40_000,
    employees: 2600,
    scenario: 'downturn',
  },
  {
    cluster: 'materials',
    town: 'huangjing',
    industry: '高性能纤维',
    suffix: '纤维科技有限公司',
    ownership: '民营',
    german: false,
    output: 15_000,
    employees: 1100,
    scenario: 'steady',
  },
  {
    cluster: 'materials',
    town: 'hitech',
    industry: '电子材料',
    suffix: '电子材料有限公司',
    ownership: '外资',
    german: true,
    output: 11_000,
    employees: 640,
    scenario: 'steady',
  },
  {
    cluster: 'logistics',
    town: 'port',
    industry: '港口物流',
    suffix: '国际物流有限公司',
    ownership: '国有',
    german: false,
    output: 9_000,
    employees: 900,
    scenario: 'steady',
  },
  {
    cluster: 'logistics',
    town: 'liuhe',
    industry: '大宗商品贸易',
    suffix: '供应链管理有限公司',
    ownership: '民营',
    german: false,
    output: 30_000,
    employees: 260,
    scenario: 'tax_drop',
  },
  {
    cluster: 'logistics',
    town: 'ludu',
    industry: '跨境电商',
    suffix: '跨境贸易有限公司',
    ownership: '民营',
    german: true,
    output: 6_000,
    employees: 320,
    scenario: 'steady',
  },
  {
    cluster: 'aerospace',
    town: 'hitech',
    industry: '航空零部件',
    suffix: '航空科技有限公司',
    ownership: '民营',
    german: false,
    output: 5_000,
    employees: 480,
    scenario: 'steady',
  },
  {
    cluster: 'aerospace',
    town: 'loudong',
    industry: '航天材料',
    suffix: '航天材料有限公司',
    ownership: '国有',
    german: false,
    output: 4_000,
    employees: 410,
    scenario: 'steady',
  },
  {
    cluster: 'aerospace',
    town: 'hitech',
    industry: '无人机',
    suffix: '无人机技术有限公司',
    ownership: '民营',
    german: true,
    output: 2_500,
    employees: 230,
    scenario: 'steady',
  },
  {
    cluster: 'biomed',
    town: 'hitech',
    industry: '生物制药',
    suffix: '生物医药有限公司',
    ownership: '外资',
    german: true,
    output: 8_000,
    employees: 700,
    scenario: 'steady',
  },
  {
    cluster: 'biomed',
    town: 'shuangfeng',
    industry: '医疗器械',
    suffix: '医疗器械有限公司',
    ownership: '民营',
    german: false,
    output: 3_500,
    employees: 380,
    scenario: 'layoffs',
  },
  {
    cluster: 'culture_tourism',
    town: 'shaxi',
    industry: '古镇文旅',
    suffix: '文化旅游发展有限公司',
    ownership: '国有',
    german: false,
    output: 900,
    employees: 260,
    scenario: 'steady',
  },
  {
    cluster: 'culture_tourism',
    town: 'liuhe',
    industry: '文创会展',
    suffix: '文创产业有限公司',
    ownership: '民营',
    german: false,
    output: 600,
    employees: 120,
    scenario: 'steady',
  },
]

export const POINT_COUNT = POINT_SPECS.length

/** Points missing a month: one late with the latest month, one with a gap. */
const MISSING: Readonly<Record<string, 'latest' | string>> = { P10: 'latest', P13: '2025-07' }

/** Month-of-year factors: the Spring Festival dip and the year-end push. */
const MANUFACTURING_SEASON = [0.93, 0.78, 1.02, 1.0, 1.01, 1.04, 0.98, 0.97, 1.02, 0.99, 1.03, 1.13]
const TOURISM_SEASON = [0.8, 1.05, 0.95, 1.15, 1.2, 0.95, 1.15, 1.2, 0.9, 1.25, 0.75, 0.7]

/** 万千瓦时 of electricity per 万元 of output. */
const ELECTRICITY_INTENSITY: Record<ClusterId, number> = {
  equipment: 0.028,
  materials: 0.07,
  logistics: 0.006,
  aerospace: 0.022,
  biomed: 0.018,
  culture_tourism: 0.012,
}

export interface PointRecord {
  readonly id: string
  readonly spec: PointSpec
  readonly established: string
}

export function generatePoints(ctx: Context): { points: PointRecord[]; rows: SampleRow[] } {
  const random = ctx.random.fork('observation_points')
  const brands = brandNames(random, POINT_SPECS.length)
  const deputies = personNames(random, POINT_SPECS.length)
  const points: PointRecord[] = []
  const rows = POINT_SPECS.map((spec, i) => {
    const id = `P${String(i + 1).padStart(2, '0')}`
    // Two batches in 2024: twelve points in April, seven in July.
    const established = i < 12 ? isoDate(2024, 4, 18) : isoDate(2024, 7, 10)
    points.push({ id, spec, established })
    return {
      point_id: id,
      name: `${brands[i]}${spec.suffix}`,
      cluster_id: spec.cluster,
      town_id: spec.town,
      industry: spec.industry,
      established_on: established,
      deputy: deputies[i]!,
      ownership: spec.ownership,
      german_cooperation: spec.german,
      employees: spec.employees,
    }
  })
  return { points, rows }
}

function scenarioFactor(
  scenario: Scenario,
  period: string,
  through: string,
  metric: 'output' | 'tax' | 'employees',
): number {
  const latestYear = yearOf(through)
  if (scenario === 'downturn' && metric === 'output' && period >= '2025-09') {
    // Falls by about 1.5% a month from September 2025.
    const months = (yearOf(period) - 2025) * 12 + monthOf(period) - 9
    return Math.max(0.72, 1 - 0.015 * (months + 1))
  }
  if (scenario === 'tax_drop' && metric === 'tax' && yearOf(period) === latestYear) return 0.74
  if (scenario === 'layoffs' && metric === 'employees' && yearOf(period) === latestYear)
    return 0.86 - 0.005 * monthOf(period)
  return 1
}

export function generateIndicators(ctx: Context, points: readonly PointRecord[]): SampleRow[] {
  const random = ctx.random.fork('point_indicators')
  const { firstPeriod, throughPeriod } = ctx.config
  const periods = periodRange(firstPeriod, throughPeriod)
  const rows: SampleRow[] = []
  const perPoint = points.map((p) => ({
    point: p,
    growth: p.spec.scenario === 'downturn' ? 0.02 : random.range(-0.03, 0.14),
    exportShare:
      p.spec.cluster === 'culture_tourism'
        ? 0
        : p.spec.german || p.spec.ownership === '外资'
          ? random.range(0.28, 0.5)
          : random.range(0.04, 0.2),
    taxRate: random.range(0.028, 0.055),
    rdRate:
      p.spec.cluster === 'logistics' || p.spec.cluster === 'culture_tourism'
        ? random.range(0.002, 0.008)
        : random.range(0.025, 0.065),
    revenueRatio: p.spec.cluster === 'logistics' ? random.range(1.15, 1.35) : random.range(0.98, 1.1),
    capacity: random.range(74, 90),
  }))
  for (const period of periods) {
    for (const s of perPoint) {
      const { point } = s
      const missing = MISSING[point.id]
      if (missing === period || (missing === 'latest' && period === throughPeriod)) continue
      const years = yearOf(period) - yearOf(firstPeriod) + (monthOf(period) - 1) / 12
      const season = (point.spec.cluster === 'culture_tourism' ? TOURISM_SEASON : MANUFACTURING_SEASON)[
        monthOf(period) - 1
      ]!
      const noise = 1 + 0.035 * random.normal()
      const output =
        point.spec.output *
        (1 + s.growth) ** years *
        season *
        noise *
        scenarioFactor(point.spec.scenario, period, throughPeriod, 'output')
      const revenue = output * s.revenueRatio * (1 + 0.02 * random.normal())
      const tax =
        revenue *
        s.taxRate *
        (1 + 0.08 * random.normal()) *
        scenarioFactor(point.spec.scenario, period, throughPeriod, 'tax')
      const downturn =
        point.spec.scenario === 'downturn' ? scenarioFactor('downturn', period, throughPeriod, 'output') : 1
      const electricity =
        output * ELECTRICITY_INTENSITY[point.spec.cluster] * (1 + 0.03 * random.normal()) * (downturn < 1 ? 0.95 : 1)
      const employees =
        point.spec.employees *
        (1 + s.growth / 3) ** years *
        (1 + 0.01 * random.normal()) *
        scenarioFactor(point.spec.scenario, period, throughPeriod, 'employees')
      rows.push({
        period,
        point_id: point.id,
        output_value: round(output),
        revenue: round(revenue),
        tax: round(Math.max(0, tax)),
        electricity: round(electricity),
        employees: Math.round(employees),
        export_value: round(output * s.exportShare * (1 + 0.05 * random.normal())),
        new_orders: round(output * random.range(0.9, 1.15) * downturn),
        rd_expense: round(output * s.rdRate),
        capacity_utilization: round(Math.min(99, s.capacity * downturn + 3 * random.normal()), 1),
      })
    }
  }
  return rows
}

const ISSUE_TEMPLATES: Record<
  (typeof ISSUE_CATEGORIES)[number],
  { summaries: readonly string[]; units: readonly string[] }
> = {
  融资: {
    summaries: [
      '技改项目贷款审批周期长，希望协调银行加快授信',
      '应收账款占用资金多，流动资金紧张',
      '希望扩大知识产权质押融资规模',
    ],
    units: ['市金融监管局', '市财政局'],
  },
  用工: {
    summaries: ['一线技术工人招聘难，流失率高', '希望增加双元制职业教育订单班名额', '外地员工子女入学需求集中'],
    units: ['市人社局', '市教育局'],
  },
  用地: {
    summaries: ['二期扩建用地指标尚未落实', '厂区周边规划调整影响扩产', '希望盘活闲置厂房用于配套'],
    units: ['市自然资源和规划局'],
  },
  能耗: {
    summaries: ['用能指标紧张，新增产能受限', '高峰时段限电影响连续生产', '希望支持分布式光伏并网'],
    units: ['市发改委', '供电公司'],
  },
  物流: {
    summaries: ['集装箱运价上涨，出口成本增加', '园区货车通行证办理不便', '希望优化港区集疏运道路通行'],
    units: ['市交通运输局', '港区管委会'],
  },
  审批: {
    summaries: ['环评审批时间较长', '施工许可办理环节多', '跨部门联合验收衔接不畅'],
    units: ['市行政审批局', '市生态环境局'],
  },
  政策兑现: {
    summaries: ['研发费用补助兑现滞后', '稳岗补贴申领材料复杂', '人才公寓补贴申请流程不清楚'],
    units: ['市科技局', '市财政局', '市人社局'],
  },
  市场: {
    summaries: ['海外订单减少，希望组织境外展会', '原材料价格波动大', '同质化竞争加剧，产品价格下行'],
    units: ['市商务局', '市工信局'],
  },
  其他: {
    summaries: ['厂区周边公交线路班次少', '希望加强园区治安巡逻', '企业周边道路积水'],
    units: ['市住建局', '市公安局'],
  },
}

export function generateIssues(ctx: Context, points: readonly PointRecord[]): SampleRow[] {
  const random = ctx.random.fork('point_issues')
  const through = ctx.config.throughPeriod
  const rows: SampleRow[] = []
  for (const point of points) {
    const count = random.int(2, 6)
    const start = point.established.slice(0, 7)
    const months = periodRange(start, through)
    for (let i = 0; i < count; i++) {
      const period = random.pick(months)
      const category = random.weighted<(typeof ISSUE_CATEGORIES)[number]>([
        ['融资', 3],
        ['用工', 4],
        ['用地', 2],
        ['能耗', 2],
        ['物流', 2],
        ['审批', 2],
        ['政策兑现', 3],
        ['市场', 3],
        ['其他', 1],
      ])
      const template = ISSUE_TEMPLATES[category]
      const reported = isoDate(yearOf(period), monthOf(period), safeDay(random))
      // Older issues are closed; the last few months hold the open ones.
      const age = months.length - months.indexOf(period)
      const status =
        age > 4
          ? random.chance(0.92)
            ? '已办结'
            : '办理中'
          : age > 1
            ? random.chance(0.5)
              ? '已办结'
              : '办理中'
            : random.chance(0.5)
              ? '办理中'
              : '待交办'
      let closed: string | null = null
      if (status === '已办结') {
        const closeMonths = periodRange(period, through).slice(0, 4)
        const cp = random.pick(closeMonths)
        const day = cp === period ? Math.min(28, Number(reported.slice(8)) + random.int(3, 20)) : safeDay(random)
        closed = isoDate(yearOf(cp), monthOf(cp), Math.max(day, cp === period ? Number(reported.slice(8)) : 1))
      }
      rows.push({
        issue_id: '',
        point_id: point.id,
        reported_on: reported,
        category,
        summary: random.pick(template.summaries),
        status,
        handling_unit: status === '待交办' ? null : random.pick(template.units),
        closed_on: closed,
      })
    }
  }
  // Numbered in the order they were reported, as a ledger would be.
  rows.sort(
    (a, b) =>
      String(a.reported_on).localeCompare(String(b.reported_on)) ||
      String(a.point_id).localeCompare(String(b.point_id)),
  )
  rows.forEach((row, i) => (row.issue_id = `I${String(i + 1).padStart(3, '0')}`))
  return rows
}

export function clusterRows(): SampleRow[] {
  return CLUSTERS.map((c, i) => ({ cluster_id: c.id, name: c.name, cluster_group: c.group, sort_order: i + 1 }))
}

export function townRows(): SampleRow[] {
  return TOWNS.map((t, i) => ({ town_id: t.id, name: t.name, kind: t.kind, lon: t.lon, lat: t.lat, sort_order: i + 1 }))
}

export type { Random }
