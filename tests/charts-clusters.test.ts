import { describe, expect, it } from 'vitest'

import {
  clusterHeatmapOption,
  clusterShareOption,
  clusterTrendOption,
  clusterYtdOption,
  issuesOption,
  pointRankingOption,
} from '../src/charts/clusters'
import type { ClusterMonthRow, ClusterYtdRow, PointRankRow } from '../src/queries/clusters'
import { renderSvg, tooltipOf } from './support/ssr'

const HOSTILE = '<img src=x onerror=alert(1)>'
const ytdRows: ClusterYtdRow[] = [
  {
    cluster_id: 'equipment',
    name: '高端装备',
    cluster_group: '主导产业',
    start: '2026-01',
    through: '2026-10',
    ytd_output: 1_234_500,
    yoy: 0.052,
    share: 0.6,
    points: 5,
  },
  {
    cluster_id: 'biomed',
    name: HOSTILE,
    cluster_group: '特色产业',
    start: '2026-01',
    through: '2026-10',
    ytd_output: 823_000,
    yoy: -0.031,
    share: 0.4,
    points: 2,
  },
]

describe('cluster chart options', () => {
  it('draws YTD output in 亿元 with growth in percent, bars keyed by cluster for cross-filtering', () => {
    const option = clusterYtdOption(ytdRows, { theme: 'light' })
    const [bars, line] = option.series as { data: { key: string; value: number }[] }[]
    expect(bars!.data.map((d) => [d.key, d.value])).toEqual([
      ['equipment', 123.45],
      ['biomed', 82.3],
    ])
    expect(line!.data.map((d) => d.value)).toEqual([5.2, -3.1])
    expect((option.yAxis as { name: string }[])[0]!.name).toBe('亿元')
  })

  it('dims clusters that are not selected', () => {
    const option = clusterYtdOption(ytdRows, { theme: 'light', selected: ['equipment'] })
    const bars = (option.series as { data: { itemStyle: { opacity: number } }[] }[])[0]!.data
    expect(bars.map((b) => b.itemStyle.opacity)).toEqual([1, 0.28])
  })

  it('escapes names in tooltips', () => {
    const html = tooltipOf(clusterYtdOption(ytdRows, { theme: 'light' }), [{ dataIndex: 1 }])
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('−3.1%')
    const share = tooltipOf(clusterShareOption(ytdRows, { theme: 'light' }), {
      data: { key: 'biomed', name: HOSTILE, value: 823_000 },
      percent: 40,
    })
    expect(share).not.toContain('<img')
  })

  it('renders to SVG with the names as text', () => {
    const svg = renderSvg(clusterYtdOption(ytdRows, { theme: 'light' }))
    expect(svg).toContain('高端装备')
    expect(svg).not.toContain('<img')
    expect(svg).toContain('&lt;img')
    expect(renderSvg(clusterShareOption(ytdRows, { theme: 'dark' }))).toContain('高端装备')
  })

  const months: ClusterMonthRow[] = [1, 2].flatMap((m) =>
    ytdRows.map((r, i) => ({
      period: `2026-0${m}`,
      month: m,
      cluster_id: r.cluster_id,
      name: r.name,
      output: 1000 * (i + 1) * m,
      prior_output: 900,
      yoy: m === 2 && i === 1 ? null : 0.1 * (i - 0.5),
    })),
  )

  it('puts months on the x axis and one line per cluster', () => {
    const option = clusterTrendOption(months, { theme: 'light' })
    expect((option.xAxis as { data: string[] }).data).toEqual(['1月', '2月'])
    expect((option.series as { name: string }[]).map((s) => s.name)).toEqual(['高端装备', HOSTILE])
    expect(renderSvg(option)).toContain('2月')
  })

  it('colours the heat map by growth and leaves cells without a base empty', () => {
    const option = clusterHeatmapOption(months, { theme: 'light' })
    const cells = (option.series as { data: { value: number[] }[] }[])[0]!.data.map((d) => d.value)
    expect(cells).toEqual([
      [0, 0, -5],
      [0, 1, 5],
      [1, 0, -5],
    ])
    expect(renderSvg(option)).toContain('高端装备')
  })

  it('ranks points with the largest on top and growth as labels', () => {
    const rows: PointRankRow[] = [
      { point_id: 'P01', name: '甲', cluster_id: 'equipment', cluster: '高端装备', ytd_output: 50_000, yoy: 0.1 },
      { point_id: 'P02', name: HOSTILE, cluster_id: 'biomed', cluster: '生物医药', ytd_output: 20_000, yoy: null },
    ]
    const option = pointRankingOption(rows, { theme: 'light' })
    expect((option.yAxis as { data: string[] }).data).toEqual([HOSTILE, '甲'])
    expect(tooltipOf(option, { dataIndex: 0 })).not.toContain('<img')
    expect(renderSvg(option)).not.toContain('<img')
  })

  it('stacks resolved and open problems by category', () => {
    const option = issuesOption([{ category: '融资', total: 5, resolved: 3, open: 2 }], { theme: 'light' })
    expect((option.series as { data: { value: number }[] }[]).map((s) => s.data[0]!.value)).toEqual([3, 2])
    expect(tooltipOf(option, [{ dataIndex: 0 }])).toContain('60.0%')
  })
})
