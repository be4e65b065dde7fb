import { describe, expect, it } from 'vitest'

import type { FilterOptionsRow } from '../src/queries/options'
import { KPIS } from '../src/specs/kpis'
import { clicksAway, crossFilterDimensions, pageQueries } from '../src/specs/page'
import { DESK_PAGES, WALL_PANELS, wallPanelQueries } from '../src/specs/pages'
import { viewQuery } from '../src/specs/types'

const options: FilterOptionsRow[] = [
  { kind: 'year', value: '2026', label: '2026年', sort: -2026 },
  { kind: 'cluster', value: 'equipment', label: '高端装备', sort: 1 },
  { kind: 'cluster', value: 'materials', label: '先进材料', sort: 2 },
  { kind: 'town', value: 'shaxi', label: '沙溪镇', sort: 1 },
]

describe('pages as data', () => {
  it('derives the views one click away from the dimensions their charts cross-filter by', () => {
    expect(crossFilterDimensions(DESK_PAGES.overview.specs)).toEqual(['towns', 'clusters', 'statuses'])
    expect(crossFilterDimensions(DESK_PAGES.clusters.specs)).toEqual(['clusters'])
    expect(crossFilterDimensions(DESK_PAGES.projects.specs)).toEqual(['statuses', 'towns', 'clusters'])
    expect(crossFilterDimensions(DESK_PAGES.livelihood.specs)).toEqual(['categories'])
    expect(crossFilterDimensions(DESK_PAGES.supervision.specs)).toEqual(['types'])
    const clicks = clicksAway(DESK_PAGES.clusters, options)
    expect(clicks).toEqual([
      { dimension: 'clusters', value: 'equipment' },
      { dimension: 'clusters', value: 'materials' },
    ])
  })

  it('asks, on a chart that cross-filters, for every value whatever is selected: the selection is highlighted', () => {
    const chart = DESK_PAGES.clusters.specs.find((s) => s.id === 'cluster-ytd')!
    const trend = DESK_PAGES.clusters.specs.find((s) => s.id === 'cluster-trend')!
    const some = { clusters: ['equipment'] }
    expect(viewQuery(chart as never, some).sql).toBe(viewQuery(chart as never, {}).sql)
    expect(viewQuery(trend as never, some).sql).not.toBe(viewQuery(trend as never, {}).sql)
  })

  it('gives the wall the desk’s queries: a headline figure asks the same SQL on both', () => {
    const [tile] = wallPanelQueries('kpi-output')
    expect(tile!.sql).toBe(viewQuery(KPIS.output, {}).sql)
    expect(Object.keys(WALL_PANELS)).toContain('kpis')
    // Each page's default view is a plain list of queries, with keys the build can compute in Node.
    const keys = pageQueries(DESK_PAGES.overview, {}, 240).map((q) => q.sql)
    expect(keys).toContain(viewQuery(KPIS.points, {}).sql)
  })
})
