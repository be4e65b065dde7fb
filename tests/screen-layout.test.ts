import { describe, expect, it } from 'vitest'

import { SCREEN_PAGES } from '../src/bigscreen/kiosk'
import { chartHeight, placeColumns, TITLE_HEIGHT } from '../src/bigscreen/layout'
import { PAGE_LAYOUTS, PANELS } from '../src/bigscreen/pages'
import { DESIGN } from '../src/bigscreen/scale'
import { clusterShareOption, clusterYtdOption, pointRankingOption } from '../src/charts/clusters'
import { categoryShareOption } from '../src/charts/livelihood'
import { forScreen, textEm } from '../src/charts/screen'
import type { ClusterYtdRow, PointRankRow } from '../src/queries/clusters'
import type { LivelihoodCategoryRow } from '../src/queries/livelihood'
import { renderSvg } from './support/ssr'

const overlap = (a: { left: number; top: number; width: number; height: number }, b: typeof a) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height

describe('big-screen layouts', () => {
  for (const page of SCREEN_PAGES) {
    for (const layout of ['fit', 'wide'] as const) {
      it(`${page} (${layout}): every panel inside the canvas below the title, none overlapping, every panel known`, () => {
        const boxes = placeColumns(layout, PAGE_LAYOUTS[page][layout])
        const { width, height } = DESIGN[layout]
        expect(boxes.length).toBeGreaterThan(2)
        for (const b of boxes) {
          expect(PANELS[b.id], b.id).toBeTypeOf('function')
          expect(b.left).toBeGreaterThanOrEqual(0)
          expect(b.top).toBeGreaterThanOrEqual(TITLE_HEIGHT)
          expect(b.left + b.width).toBeLessThanOrEqual(width)
          expect(b.top + b.height).toBeLessThanOrEqual(height)
          // Room for a readable chart at 24 px type.
          expect(b.width, b.id).toBeGreaterThanOrEqual(400)
          if (b.id.startsWith('kpi-')) expect(b.height, b.id).toBeGreaterThanOrEqual(220)
          else expect(chartHeight(b), b.id).toBeGreaterThanOrEqual(150)
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++)
            expect(overlap(boxes[i]!, boxes[j]!), `${boxes[i]!.id} × ${boxes[j]!.id}`).toBe(false)
        // The columns reach the right margin: no ragged edge.
        expect(Math.max(...boxes.map((b) => b.left + b.width))).toBe(width - 24)
      })
    }
  }
})

const cluster = (id: string, name: string, ytd: number): ClusterYtdRow =>
  ({
    cluster_id: id,
    name,
    kind: '主导产业',
    ytd_output: ytd,
    prior_output: ytd * 0.95,
    yoy: 0.05,
    points: 3,
    start: '2026-01',
    through: '2026-10',
  }) as unknown as ClusterYtdRow
const clusters = [
  cluster('a', '高端装备', 784000),
  cluster('b', '先进材料', 1173000),
  cluster('c', '现代物贸', 546000),
  cluster('d', '航空航天', 142000),
  cluster('e', '生物医药', 142000),
  cluster('f', '文化旅游', 19000),
]

describe('forScreen: desk charts re-laid for 24 px type', () => {
  it('measures CJK as one em and Latin as about half', () => {
    expect(textEm('高端装备')).toBe(4)
    expect(textEm('10月')).toBeCloseTo(2.12, 2)
  })

  it('turns a paged legend into a plain block above the plot, with the grid below it and the axis names', () => {
    const desk = clusterYtdOption(clusters, { theme: 'dark', font: 24 })
    const wall = forScreen(desk, { width: 860, height: 300, font: 24 }) as unknown as Record<string, unknown>
    const legend = wall.legend as { type: string; top: number }
    expect(legend.type).toBe('plain')
    expect(legend.top).toBe(0)
    const grid = wall.grid as { top: number }
    // One legend line (about 35 px) plus a line for the axis names.
    expect(grid.top).toBeGreaterThanOrEqual(24 * 1.45 + 24 * 1.4)
    // The figures are the builder's own.
    expect(JSON.stringify((wall.series as unknown[])[0])).toBe(JSON.stringify((desk.series as unknown[])[0]))
  })

  it('rotates category labels that would collide in a narrow panel, and leaves them level where they fit', () => {
    const narrow = forScreen(clusterYtdOption(clusters, { theme: 'dark', font: 24 }), {
      width: 420,
      height: 300,
      font: 24,
    }) as { xAxis: { axisLabel: { rotate?: number } } }
    expect(narrow.xAxis.axisLabel.rotate).toBe(40)
    const wide = forScreen(clusterYtdOption(clusters, { theme: 'dark', font: 24 }), {
      width: 1200,
      height: 300,
      font: 24,
    }) as { xAxis: { axisLabel: { rotate?: number } } }
    expect(wide.xAxis.axisLabel.rotate).toBeUndefined()
  })

  it('gives a narrow pie a legend with each slice’s share instead of labels that run off the edge', () => {
    const rows = [
      { category: '教育', items: 2 },
      { category: '城乡建设', items: 3 },
      { category: '就业社保', items: 1 },
    ] as unknown as LivelihoodCategoryRow[]
    const wall = forScreen(categoryShareOption(rows, { theme: 'dark', font: 24 }), {
      width: 420,
      height: 500,
      font: 24,
    }) as {
      legend: { formatter: (n: string) => string; orient: string }
      series: { label: { show: boolean }; radius: number[]; center: unknown[] }[]
    }
    expect(wall.legend.orient).toBe('vertical')
    expect(wall.legend.formatter('城乡建设')).toBe('城乡建设 50.0%')
    expect(wall.series[0]!.label.show).toBe(false)
    // The ring fits in what the legend leaves.
    const [, outer] = wall.series[0]!.radius as [number, number]
    expect((wall.series[0]!.center[0] as number) - outer).toBeGreaterThanOrEqual(0)
    // With room, the slices keep their labels.
    const roomy = forScreen(clusterShareOption(clusters, { theme: 'dark', font: 24 }), {
      width: 900,
      height: 500,
      font: 24,
    }) as { legend: { show: boolean }; series: { minShowLabelAngle: number }[] }
    expect(roomy.legend.show).toBe(false)
    expect(roomy.series[0]!.minShowLabelAngle).toBeGreaterThan(0)
  })

  it('drops the value axis of labelled horizontal bars and caps the names at 40% of the width', () => {
    const rows = [
      {
        point_id: 'p1',
        name: '华盛新材料科技有限公司',
        cluster: '先进材料',
        cluster_id: 'b',
        ytd_output: 400000,
        yoy: 0.11,
      },
    ] as unknown as PointRankRow[]
    const wall = forScreen(pointRankingOption(rows, { theme: 'dark', font: 24 }), {
      width: 500,
      height: 400,
      font: 24,
    }) as { xAxis: { axisLabel: { show: boolean } }; yAxis: { axisLabel: { width: number; overflow: string } } }
    expect(wall.xAxis.axisLabel.show).toBe(false)
    expect(wall.yAxis.axisLabel.width).toBeLessThanOrEqual(200)
    expect(wall.yAxis.axisLabel.overflow).toBe('truncate')
  })

  it('renders: the adapted option is still a valid chart with the same text', () => {
    const svg = renderSvg(
      forScreen(clusterYtdOption(clusters, { theme: 'dark', font: 24 }), { width: 420, height: 300, font: 24 }),
      420,
      300,
      'dark',
    )
    expect(svg).toContain('高端装备')
    expect(svg).toContain('117.3')
  })
})
