import { describe, expect, it } from 'vitest'

import {
  pipelineOption,
  projectGroupsOption,
  projectsMonthlyOption,
  projectsMonthlyScale,
  projectsPipelineOption,
  timelineOption,
} from '../src/charts/projects'
import type {
  PipelineRow,
  ProjectGroupRow,
  ProjectMonthRow,
  ProjectsSummaryRow,
  TimelineRow,
} from '../src/queries/projects'
import { projectsNarrative } from '../src/widgets/projects/narrative'
import { renderSvg, tooltipOf } from './support/ssr'

const HOSTILE = '<img src=x onerror=alert(1)>'
// How the name must appear in SVG: as text, escaped.
const HOSTILE_TEXT = '&lt;img src=x onerror=alert(1)&gt;'

type Item = { key: string; value: unknown; itemStyle?: { opacity: number }; label?: { formatter: string } }
const seriesOf = (option: object) =>
  (
    option as {
      series: {
        name?: string
        data: Item[]
        endLabel?: { formatter: string }
        markLine?: { label: { formatter: string } }
      }[]
    }
  ).series

describe('key-project chart options', () => {
  const months: ProjectMonthRow[] = [
    {
      period: '2026-01',
      month: 1,
      completed: 50_000,
      cumulative: 50_000,
      plan: 1_200_000,
      plan_to_date: 100_000,
      completion: 50_000 / 1_200_000,
    },
    {
      period: '2026-02',
      month: 2,
      completed: 150_000,
      cumulative: 200_000,
      plan: 1_200_000,
      plan_to_date: 200_000,
      completion: 1 / 6,
    },
  ]

  it('shows monthly, cumulative, planned-to-date and annual-plan investment in one unit, ending in the completion rate', () => {
    const option = projectsMonthlyOption(months, { theme: 'light' })
    const [bars, cumulative, planned, annual] = seriesOf(option)
    expect([bars, cumulative, planned, annual].map((s) => [s!.name, s!.data])).toEqual([
      ['当月完成', [5, 15]],
      ['累计完成', [5, 20]],
      ['序时计划', [10, 20]],
      ['年度计划', [120, 120]],
    ])
    expect((option.yAxis as { name: string }).name).toBe('亿元')
    expect(cumulative!.endLabel!.formatter).toBe('完成16.7%')
    expect(tooltipOf(option, [{ dataIndex: 1 }])).toContain('16.7%')
    const svg = renderSvg(option)
    expect(svg).toContain('2月')
    expect(svg).toContain('完成16.7%')
  })

  it('keeps small lists in 万元', () => {
    expect(projectsMonthlyScale([{ ...months[0]!, cumulative: 800, plan: 9_000 }]).unit).toBe('万元')
    expect(projectsMonthlyScale(months).unit).toBe('亿元')
  })

  const pipeline: PipelineRow[] = [
    { status: '前期', projects: 1, plan: 3_000, completed: 0, total_investment: 10_000 },
    { status: '在建', projects: 2, plan: 120_000, completed: 50_000, total_investment: 500_000 },
    { status: HOSTILE, projects: 0, plan: null, completed: null, total_investment: null },
  ]

  it('keys pipeline bars by status and dims unselected ones', () => {
    const data = seriesOf(pipelineOption(pipeline, { theme: 'light', selected: ['在建'] }))[0]!.data
    expect(data.map((d) => [d.key, d.value, d.itemStyle!.opacity])).toEqual([
      ['前期', 1, 0.28],
      ['在建', 2, 1],
      [HOSTILE, 0, 0.28],
    ])
  })

  it('labels each status with its count and planned investment on the projects page, keeping keys and highlight', () => {
    const option = projectsPipelineOption(pipeline, { theme: 'light', selected: ['在建'] })
    const data = seriesOf(option)[0]!.data
    expect(data.map((d) => [d.key, d.itemStyle!.opacity, d.label!.formatter])).toEqual([
      ['前期', 0.28, '1个\n0.3亿元'],
      ['在建', 1, '2个\n12.0亿元'],
      [HOSTILE, 0.28, '0个'],
    ])
    expect(tooltipOf(option, { dataIndex: 2 })).not.toContain('<img')
    const svg = renderSvg(option)
    expect(svg).toContain('12.0亿元')
    expect(svg).toContain(HOSTILE_TEXT)
    expect(svg).not.toContain('<img')
  })

  it('keys town and cluster bars, leaves projects outside any cluster unselectable, and escapes names', () => {
    const rows: ProjectGroupRow[] = [
      { key: 'equipment', name: '高端装备', projects: 2, plan: 20_000, completed: 10_000, completion: 0.5 },
      { key: null, name: HOSTILE, projects: 1, plan: 5_000, completed: 1_000, completion: 0.2 },
    ]
    const option = projectGroupsOption(rows, { theme: 'light', selected: ['equipment'] })
    const [plan, completed, rate] = seriesOf(option)
    expect(plan!.data.map((d) => [d.key, d.value, d.itemStyle!.opacity])).toEqual([
      ['equipment', 2, 1],
      ['', 0.5, 0.28],
    ])
    expect(completed!.data.map((d) => [d.key, d.value])).toEqual([
      ['equipment', 1],
      ['', 0.1],
    ])
    expect(rate!.data.map((d) => d.value)).toEqual([50, 20])
    const tip = tooltipOf(option, [{ dataIndex: 1 }])
    expect(tip).toContain('20.0%')
    expect(tip).not.toContain('<img')
    const svg = renderSvg(option)
    expect(svg).toContain('高端装备')
    expect(svg).toContain(HOSTILE_TEXT)
    expect(svg).not.toContain('<img')
  })

  const span = (id: string, p: Partial<TimelineRow>): TimelineRow => ({
    project_id: id,
    name: id,
    town: '甲镇',
    status: '在建',
    level: '市级重点',
    start_date: '2026-01-01',
    planned_finish: '2027-01-01',
    total_investment: 1000,
    completion: 0.5,
    behind: false,
    through: '2026-10',
    listed: 3,
    ...p,
  })

  it('draws each project from start to planned finish, one series per status, the first row at the top', () => {
    const rows = [
      span('K1', { name: HOSTILE, start_date: '2025-03-01', planned_finish: '2027-06-28', behind: true }),
      span('K2', { name: '乙', status: '前期', start_date: '2026-12-01', planned_finish: '2028-01-28' }),
      span('K3', { name: '丙', status: '前期', start_date: null, planned_finish: null }),
    ]
    const option = timelineOption(rows, { theme: 'light' })
    const series = seriesOf(option)
    // Pipeline order; K3 has no dates, so keeps its row (index 0, the bottom) but has no bar.
    expect(series.map((s) => [s.name, s.data.map((d) => [d.key, d.value])])).toEqual([
      ['前期', [['K2', [1, Date.parse('2026-12-01T00:00:00Z'), Date.parse('2028-01-28T00:00:00Z')]]]],
      ['在建', [['K1', [2, Date.parse('2025-03-01T00:00:00Z'), Date.parse('2027-06-28T00:00:00Z')]]]],
    ])
    expect((option.yAxis as { data: string[] }).data).toEqual(['丙', '乙', HOSTILE])
    expect(series[0]!.markLine!.label.formatter).toBe('2026年10月')
    const tip = tooltipOf(option, { value: [2, 0, 0] })
    expect(tip).toContain('投资完成滞后')
    expect(tip).toContain('甲镇')
    expect(tip).not.toContain('<img')
    const svg = renderSvg(option)
    expect(svg).toContain('乙')
    expect(svg).toContain(HOSTILE_TEXT)
    expect(svg).toContain('2026年10月')
    expect(svg).not.toContain('<img')
  })

  it('tells apart a name listed in two towns, and scrolls a long list', () => {
    const twice = timelineOption(
      [
        span('A', { name: '生态廊道', town: '甲镇' }),
        span('B', { name: '生态廊道', town: '乙镇' }),
        span('C', { name: '学校' }),
      ],
      { theme: 'light' },
    )
    expect((twice.yAxis as { data: string[] }).data).toEqual(['学校', '生态廊道（乙镇）', '生态廊道（甲镇）'])
    expect(twice.dataZoom).toEqual([])
    const many = timelineOption(
      Array.from({ length: 28 }, (_, i) => span(`K${i}`, { listed: 45 })),
      { theme: 'light' },
    )
    // 14 rows of 28 on screen, opening on the top half.
    expect((many.dataZoom as { start?: number; end?: number }[])[0]).toMatchObject({ start: 50, end: 100 })
  })
})

describe('key-projects narrative', () => {
  const row: ProjectsSummaryRow = {
    year: 2026,
    through: '2026-10',
    start: '2026-01',
    expected: 10 / 12,
    projects: 44,
    plan: 1_485_900,
    completed: 1_270_800,
    completion: 0.855,
    behind: 3,
    new_starts: 12,
    finished: 10,
    german: 8,
    german_completed: 298_800,
    german_completion: 0.839,
    provincial: 1,
  }
  it('is formal Chinese with the SQL figures, stating the schedule rule it applies', () => {
    expect(projectsNarrative(row)).toBe(
      '2026年1—10月，44个市级以上重点项目完成投资127.08亿元，完成年度计划的85.5%；其中省重大项目1个，新开工项目12个，竣工投产项目10个；对德合作项目8个，完成投资29.88亿元，完成年度计划的83.9%。' +
        '按序时进度，1—10月应完成年度计划的83.3%，完成率低于序时进度15个百分点以上的项目3个。',
    )
  })
  it('follows a month range and says when no project is behind', () => {
    expect(projectsNarrative({ ...row, start: '2026-04', expected: 7 / 12, behind: 0 })).toContain(
      '2026年4—10月，44个市级以上重点项目完成投资127.08亿元，完成年度计划的85.5%；',
    )
    expect(projectsNarrative({ ...row, start: '2026-04', expected: 7 / 12, behind: 0 })).toContain(
      '按序时进度，4—10月应完成年度计划的58.3%，没有完成率低于序时进度15个百分点以上的项目。',
    )
  })
  it('says so when nothing is listed, and does not repeat the German clause when the list is all German cooperation', () => {
    expect(projectsNarrative({ ...row, projects: 0 })).toBe('所选范围内没有列入清单的重点项目。')
    expect(projectsNarrative({ ...row, projects: 8 })).not.toContain('对德合作项目')
  })
})
