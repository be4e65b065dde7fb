import { describe, expect, it } from 'vitest'
import { pipelineOption, projectGroupsOption, projectsMonthlyOption, timelineOption } from '../src/charts/projects'
import type { PipelineRow, ProjectGroupRow, ProjectMonthRow, TimelineRow } from '../src/queries/projects'
import { projectsNarrative } from '../src/widgets/projects/narrative'
import { renderSvg, tooltipOf } from './support/ssr'

const HOSTILE = '<img src=x onerror=alert(1)>'

describe('key-project chart options', () => {
  it('shows monthly, cumulative and planned investment in one unit', () => {
    const rows: ProjectMonthRow[] = [
      { period: '2026-01', month: 1, completed: 50_000, cumulative: 50_000, plan: 1_200_000, plan_to_date: 100_000, completion: 50_000 / 1_200_000 },
      { period: '2026-02', month: 2, completed: 150_000, cumulative: 200_000, plan: 1_200_000, plan_to_date: 200_000, completion: 1 / 6 },
    ]
    const option = projectsMonthlyOption(rows, { theme: 'light' })
    const [bars, cumulative, planned] = option.series as { data: (number | null)[] }[]
    expect(bars!.data).toEqual([5, 15])
    expect(cumulative!.data).toEqual([5, 20])
    expect(planned!.data).toEqual([10, 20])
    expect((option.yAxis as { name: string }).name).toBe('亿元')
    expect(tooltipOf(option, [{ dataIndex: 1 }])).toContain('16.7%')
    expect(renderSvg(option)).toContain('2月')
  })

  it('keys pipeline bars by status and dims unselected ones', () => {
    const rows: PipelineRow[] = ['前期', '在建'].map((status, i) => ({ status, projects: i + 1, plan: 100, completed: 50, total_investment: 1000 }))
    const option = pipelineOption(rows, { theme: 'light', selected: ['在建'] })
    const data = (option.series as { data: { key: string; value: number; itemStyle: { opacity: number } }[] }[])[0]!.data
    expect(data.map((d) => [d.key, d.value, d.itemStyle.opacity])).toEqual([['前期', 1, 0.28], ['在建', 2, 1]])
  })

  it('leaves projects outside any cluster unselectable, and escapes names', () => {
    const rows: ProjectGroupRow[] = [
      { key: 'equipment', name: '高端装备', projects: 2, plan: 20_000, completed: 10_000, completion: 0.5 },
      { key: null, name: HOSTILE, projects: 1, plan: 5_000, completed: 1_000, completion: 0.2 },
    ]
    const option = projectGroupsOption(rows, { theme: 'light' })
    expect((option.series as { data: { key: string }[] }[])[1]!.data.map((d) => d.key)).toEqual(['equipment', ''])
    expect(tooltipOf(option, [{ dataIndex: 1 }])).not.toContain('<img')
    expect(renderSvg(option)).not.toContain('<img')
  })

  it('draws each project from start to planned finish, outlining the ones behind', () => {
    const rows: TimelineRow[] = [
      { project_id: 'K1', name: HOSTILE, status: '在建', level: '省重大', start_date: '2025-03-01', planned_finish: '2027-06-28', total_investment: 5000, completion: 0.5, behind: true, through: '2026-10', listed: 2 },
      { project_id: 'K2', name: '乙', status: '前期', level: '市级重点', start_date: '2026-12-01', planned_finish: '2028-01-28', total_investment: 1000, completion: 0, behind: false, through: '2026-10', listed: 2 },
    ]
    const option = timelineOption(rows, { theme: 'light' })
    const series = (option.series as { data: { key: string; value: number[] }[] }[])[0]!
    expect(series.data.map((d) => d.key)).toEqual(['K2', 'K1'])
    expect(series.data[1]!.value).toEqual([1, Date.parse('2025-03-01T00:00:00Z'), Date.parse('2027-06-28T00:00:00Z')])
    expect(tooltipOf(option, { dataIndex: 1 })).toContain('进度滞后')
    expect(tooltipOf(option, { dataIndex: 1 })).not.toContain('<img')
    expect(renderSvg(option)).toContain('乙')
  })
})

describe('key-projects narrative', () => {
  const row = { year: 2026, through: '2026-10', start: '2026-01', projects: 44, plan: 1_485_900, completed: 1_270_800, completion: 0.855, behind: 3, new_starts: 12, finished: 10, german: 8, german_completed: 298_800, german_completion: 0.839, provincial: 1 }
  it('is formal Chinese with the SQL figures', () => {
    expect(projectsNarrative(row)).toBe(
      '2026年1—10月，2026年度44个重点项目完成投资127.08亿元，完成年度计划的85.5%；其中省重大项目1个，新开工项目12个，竣工投产项目10个；对德合作项目8个，完成投资29.88亿元，完成年度计划的83.9%。按序时进度，投资完成滞后的项目3个。',
    )
  })
  it('says so when nothing is listed, and does not repeat the German clause when the list is all German cooperation', () => {
    expect(projectsNarrative({ ...row, projects: 0 })).toBe('所选范围内没有列入清单的重点项目。')
    expect(projectsNarrative({ ...row, projects: 8 })).not.toContain('对德合作项目')
  })
})
