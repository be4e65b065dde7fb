import {
  ACTIVITY_TYPES,
  MICRO_SUGGESTION_CATEGORIES,
  SUGGESTION_CATEGORIES,
  TOWNS,
} from '../../src/datasets/vocabulary'
import { type Context, isoDate, monthOf, safeDay, type SampleRow, yearOf } from './context'
import { personNames } from './names'
import type { Random } from './random'
import { REPORT_FIGURES } from './report-figures'

type ActivityType = (typeof ACTIVITY_TYPES)[number]['type']

/** Ledger counts for the years the reports do not cover (sample values of the same order). */
const SAMPLE_COUNTS: Readonly<Record<number, Partial<Record<ActivityType, number>>>> = {
  2023: { 常委会会议: 8, 主任会议: 13, 视察: 6, 执法检查: 4, 专题询问: 2, 专项工作报告: 32, 决议决定: 9, 专题调研: 12 },
  2025: {
    常委会会议: 9,
    主任会议: 14,
    视察: 7,
    执法检查: 5,
    专题询问: 2,
    专项工作报告: 31,
    决议决定: 12,
    专题调研: 14,
  },
  2026: {
    常委会会议: 9,
    主任会议: 13,
    视察: 7,
    执法检查: 4,
    专题询问: 2,
    专项工作报告: 28,
    决议决定: 11,
    专题调研: 13,
  },
}
const RESEARCH_PER_REPORT_YEAR = 12

/** For a report year the ledger holds exactly what the report counts. */
function countsFor(year: number): Partial<Record<ActivityType, number>> {
  const figures = REPORT_FIGURES.filter((f) => f.year === year)
  if (figures.length === 0) return SAMPLE_COUNTS[year] ?? {}
  const counts: Partial<Record<ActivityType, number>> = { 专题调研: RESEARCH_PER_REPORT_YEAR }
  for (const t of ACTIVITY_TYPES) {
    const figure = t.metricId ? figures.find((f) => f.metricId === t.metricId) : undefined
    if (figure) counts[t.type] = figure.value
  }
  return counts
}

/** Topics named in the reports for their year; the rest of a year's titles come from the pools below. */
const NAMED_TOPICS: Readonly<Record<number, Partial<Record<ActivityType, readonly string[]>>>> = {
  2022: {
    执法检查: ['《苏州市道路交通安全条例》执法检查', '长江保护“一法一条例”贯彻实施情况执法检查'],
    视察: ['港区、高新区经济社会发展情况专题视察', '公共卫生服务中心运行情况视察', '娄东园林文化建设“云上+实地”视察'],
    专题询问: ['创建全国义务教育优质均衡发展县（市、区）专题询问', '进一步做强做优国资国企专题询问'],
  },
  2024: {
    执法检查: [
      '安全生产“一法一条例”执法检查',
      '《江苏省宗教事务条例》执法检查',
      '《江苏省大气污染防治条例》贯彻实施情况检查',
      '《苏州市非物质文化遗产保护条例》贯彻实施情况检查',
      '《苏州市排水管理条例》贯彻实施情况检查',
    ],
    视察: [
      '港区、高新区发展和娄江新城建设情况视察',
      '农业社会化服务体系建设情况视察',
      '全市现代综合交通运输体系建设情况专题视察',
      '宗教活动场所建设情况视察',
      '人民调解工作专题视察',
    ],
    专题询问: ['农村集体经济发展情况专题询问', '“八五”普法工作开展情况专题询问'],
  },
}

const TOPIC_POOL: Record<ActivityType, readonly (readonly [string, string])[]> = {
  常委会会议: [['市人大常委会第{n}次会议', '经济']],
  主任会议: [['第{n}次主任会议', '经济']],
  视察: [
    ['科创载体建设情况视察', '经济'],
    ['美丽村庄建设情况视察', '生态'],
    ['重点项目推进情况视察', '经济'],
    ['养老服务设施建设情况视察', '民生'],
    ['城市更新项目视察', '民生'],
  ],
  执法检查: [
    ['《中华人民共和国食品安全法》执法检查', '法治'],
    ['《江苏省河道管理条例》执法检查', '生态'],
    ['《中华人民共和国就业促进法》执法检查', '民生'],
    ['《江苏省消防条例》执法检查', '社会治理'],
  ],
  专题询问: [
    ['公共就业服务工作专题询问', '民生'],
    ['综合交通网络建设专题询问', '经济'],
    ['耕地保护工作专题询问', '生态'],
  ],
  专项工作报告: [
    ['国民经济和社会发展计划执行情况的报告', '经济'],
    ['预算执行情况的报告', '经济'],
    ['审计工作报告', '经济'],
    ['国有资产管理情况的报告', '经济'],
    ['环境状况和环境保护目标完成情况的报告', '生态'],
    ['民生实事项目推进情况的报告', '民生'],
    ['法院专项工作报告', '法治'],
    ['检察院专项工作报告', '法治'],
    ['代表建议办理情况的报告', '代表工作'],
    ['教育事业发展情况的报告', '民生'],
    ['医疗卫生体系建设情况的报告', '民生'],
    ['对德合作情况的报告', '经济'],
  ],
  决议决定: [
    ['关于批准本级财政决算的决议', '经济'],
    ['关于批准预算调整方案的决议', '经济'],
    ['关于开展法治宣传教育的决议', '法治'],
    ['关于民生实事项目的决定', '民生'],
    ['关于人事任免的决定', '社会治理'],
  ],
  专题调研: [
    ['优化营商环境专题调研', '经济'],
    ['新质生产力发展专题调研', '经济'],
    ['乡村振兴专题调研', '生态'],
    ['社区治理专题调研', '社会治理'],
    ['代表履职平台建设专题调研', '代表工作'],
    ['知识产权保护专题调研', '法治'],
  ],
}

const AREA_OF_NAMED: Record<string, string> = { 执法检查: '法治', 视察: '经济', 专题询问: '民生' }

function spreadDates(random: Random, year: number, count: number, lastMonth: number): string[] {
  const dates: string[] = []
  for (let i = 0; i < count; i++) {
    // Evenly over the months the year has had, so a year's meetings do not bunch up.
    const month = Math.min(lastMonth, 1 + Math.floor(((i + random.next()) / count) * lastMonth))
    dates.push(isoDate(year, month, safeDay(random)))
  }
  return dates.sort()
}

export function generateActivities(ctx: Context): SampleRow[] {
  const random = ctx.random.fork('supervision_activities')
  const through = ctx.config.throughPeriod
  const rows: SampleRow[] = []
  for (let year = ctx.config.ledgerFromYear; year <= yearOf(through); year++) {
    const lastMonth = year === yearOf(through) ? monthOf(through) : 12
    const counts = countsFor(year)
    for (const { type } of ACTIVITY_TYPES) {
      const count = counts[type] ?? 0
      const named = NAMED_TOPICS[year]?.[type] ?? []
      const dates = spreadDates(random, year, count, lastMonth)
      dates.forEach((date, i) => {
        let title: string
        let area: string
        if (i < named.length) {
          title = named[i]!
          area = AREA_OF_NAMED[type] ?? '经济'
        } else {
          const [t, a] = random.pick(TOPIC_POOL[type])
          title = t.replace('{n}', String(i + 1))
          area = a
        }
        rows.push({
          activity_id: '',
          date,
          type,
          title,
          area,
          deputies_count: type === '主任会议' ? 0 : random.int(3, 25),
        })
      })
    }
  }
  rows.sort((a, b) => String(a.date).localeCompare(String(b.date)) || String(a.type).localeCompare(String(b.type)))
  rows.forEach((row, i) => (row.activity_id = `SA${String(i + 1).padStart(4, '0')}`))
  return rows
}

/** Suggestions per session year; 2022 and 2024 are the reports' counts. */
const SUGGESTIONS_PER_YEAR: Readonly<Record<number, { total: number; key: number }>> = {
  2022: { total: 106, key: 8 },
  2023: { total: 128, key: 8 },
  2024: { total: 166, key: 9 },
  2025: { total: 152, key: 10 },
  2026: { total: 141, key: 10 },
}

const SUGGESTION_TITLES: Record<
  (typeof SUGGESTION_CATEGORIES)[number],
  { titles: readonly string[]; units: readonly string[] }
> = {
  经济发展: {
    titles: [
      '关于进一步优化营商环境的建议',
      '关于支持中小企业技术改造的建议',
      '关于深化对德合作的建议',
      '关于加快发展新质生产力的建议',
      '关于加强知识产权保护的建议',
    ],
    units: ['市发改委', '市工信局', '市商务局', '市科技局'],
  },
  城乡建设: {
    titles: [
      '关于加快老旧小区改造的建议',
      '关于增设公共停车泊位的建议',
      '关于优化城区交通组织的建议',
      '关于推进娄江新城配套建设的建议',
    ],
    units: ['市住建局', '市交通运输局', '市自然资源和规划局'],
  },
  社会事业: {
    titles: [
      '关于扩大普惠托育供给的建议',
      '关于完善居家养老服务的建议',
      '关于推进优质教育资源均衡的建议',
      '关于提升基层医疗服务能力的建议',
    ],
    units: ['市教育局', '市卫健委', '市民政局'],
  },
  生态环境: {
    titles: ['关于加强农村河道长效管护的建议', '关于推进垃圾分类提质增效的建议', '关于加强沿江生态保护的建议'],
    units: ['市水务局', '市生态环境局', '市城管局'],
  },
  农业农村: {
    titles: ['关于促进农民增收的建议', '关于发展农文旅融合的建议', '关于加强高标准农田建设的建议'],
    units: ['市农业农村局', '市文体旅局'],
  },
  法治建设: {
    titles: ['关于加强基层法治宣传的建议', '关于规范涉企行政执法的建议', '关于加强未成年人保护的建议'],
    units: ['市司法局', '市公安局', '市法院'],
  },
}

export function generateSuggestions(ctx: Context): SampleRow[] {
  const random = ctx.random.fork('deputy_suggestions')
  const through = ctx.config.throughPeriod
  const deputies = personNames(random, 120)
  const rows: SampleRow[] = []
  for (let year = ctx.config.ledgerFromYear; year <= yearOf(through); year++) {
    const plan = SUGGESTIONS_PER_YEAR[year] ?? { total: 140, key: 8 }
    const keys = new Set(random.shuffle([...Array(plan.total).keys()]).slice(0, plan.key))
    const current = year === yearOf(through)
    for (let i = 0; i < plan.total; i++) {
      const category = random.pick(SUGGESTION_CATEGORIES)
      const pool = SUGGESTION_TITLES[category]
      // Statutory deadline: replied within three months of the January session, by mid-year at the latest.
      const replyMonth = random.weighted([
        [3, 2],
        [4, 4],
        [5, 3],
        [6, 1],
      ] as const)
      const pending = current && random.chance(0.06)
      const replied = !pending && (!current || replyMonth <= monthOf(through))
      rows.push({
        suggestion_id: `${year}-${String(i + 1).padStart(3, '0')}`,
        year,
        title: random.pick(pool.titles),
        deputy: random.pick(deputies),
        category,
        handling_unit: random.pick(pool.units),
        is_key: keys.has(i),
        status: replied ? '已办结' : '办理中',
        replied_on: replied ? isoDate(year, replyMonth, safeDay(random)) : null,
        // The reports give 100% satisfaction for 2022 and 2024; the sample keeps every year so.
        satisfaction: replied ? (random.chance(0.86) ? '满意' : '基本满意') : null,
      })
    }
  }
  return rows
}

/** Micro-suggestions per year; resolved in the same year. 2022 and 2024 are the reports' counts. */
const MICRO_PER_YEAR: Readonly<Record<number, { raised: number; resolvedInYear: number }>> = {
  2022: { raised: 433, resolvedInYear: 406 },
  2023: { raised: 386, resolvedInYear: 371 },
  2024: { raised: 342, resolvedInYear: 342 },
  2025: { raised: 358, resolvedInYear: 349 },
  2026: { raised: 300, resolvedInYear: 262 },
}

const MICRO_SUMMARIES: Record<(typeof MICRO_SUGGESTION_CATEGORIES)[number], readonly string[]> = {
  道路交通: ['路口信号灯配时不合理', '小区出入口缺少减速带', '公交站台缺少遮雨棚'],
  环境卫生: ['河道漂浮物清理不及时', '垃圾投放点异味大', '绿化带杂草丛生'],
  公共设施: ['健身器材损坏待修', '路灯不亮', '社区缺少休息座椅'],
  社区治理: ['电动车楼道充电隐患', '群租房管理不规范', '停车秩序混乱'],
  安全隐患: ['窨井盖缺失', '老旧电线私拉乱接', '校园周边交通安全隐患'],
  其他: ['希望增设便民服务点', '希望延长社区食堂营业时间'],
}

export function generateMicroSuggestions(ctx: Context): SampleRow[] {
  const random = ctx.random.fork('micro_suggestions')
  const through = ctx.config.throughPeriod
  const rows: SampleRow[] = []
  for (let year = ctx.config.ledgerFromYear; year <= yearOf(through); year++) {
    const plan = MICRO_PER_YEAR[year] ?? { raised: 340, resolvedInYear: 320 }
    const lastMonth = year === yearOf(through) ? monthOf(through) : 12
    const dates = spreadDates(random, year, plan.raised, lastMonth)
    // Which ones were resolved within their year: exactly the report's number.
    const resolvedInYear = new Set(random.shuffle([...dates.keys()]).slice(0, plan.resolvedInYear))
    dates.forEach((date, i) => {
      const category = random.pick(MICRO_SUGGESTION_CATEGORIES)
      const month = Number(date.slice(5, 7))
      let resolved: string | null = null
      if (resolvedInYear.has(i)) {
        // Resolved in the same year, no earlier than the day it was raised.
        const m = Math.min(lastMonth, month + random.int(0, 2))
        resolved =
          m === month
            ? isoDate(year, m, Math.min(28, Number(date.slice(8)) + random.int(1, 10)))
            : isoDate(year, m, safeDay(random))
        if (resolved < date) resolved = date
      } else if (year < yearOf(through)) {
        // The rest were resolved early the following year.
        resolved = isoDate(year + 1, random.int(1, 3), safeDay(random))
      }
      rows.push({
        micro_id: '',
        submitted_on: date,
        town_id: random.pick(TOWNS).id,
        category,
        summary: random.pick(MICRO_SUMMARIES[category]),
        status: resolved && resolved.slice(0, 7) <= through ? '已办结' : '办理中',
        resolved_on: resolved && resolved.slice(0, 7) <= through ? resolved : null,
      })
    })
  }
  rows.forEach((row, i) => (row.micro_id = `MS${String(i + 1).padStart(5, '0')}`))
  return rows
}
