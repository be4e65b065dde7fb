import { describe, expect, it } from 'vitest'

import { COUNTY_OUTLINE, SCHEMATIC_MAP, schematicGeoJson, spread } from '../src/charts/geo/schematic'
import { area, contains, voronoiCells } from '../src/charts/geo/voronoi'
import { townMapOption } from '../src/charts/overview'
import { TOWNS } from '../src/datasets/vocabulary'
import type { TownMapRow } from '../src/queries/overview'
import { echarts } from '../src/ui/echart/runtime'
import { renderSvg } from './support/ssr'

describe('schematic town map', () => {
  const sites = TOWNS.map((t) => [t.lon, t.lat] as const)
  const cells = voronoiCells(sites, COUNTY_OUTLINE)

  it('gives every town a cell that contains its centre', () => {
    cells.forEach((cell, i) => {
      expect(cell.length, TOWNS[i]!.name).toBeGreaterThanOrEqual(3)
      expect(contains(cell, sites[i]!), TOWNS[i]!.name).toBe(true)
    })
  })

  it('tiles the outline: the cells add up to the county, with no overlap', () => {
    const total = cells.reduce((s, c) => s + area(c), 0)
    expect(total).toBeCloseTo(area(COUNTY_OUTLINE), 10)
  })

  it('puts each point in the cell of its nearest town', () => {
    for (let k = 0; k < 200; k++) {
      const p = [121.0 + (k % 20) * 0.016, 31.42 + Math.floor(k / 20) * 0.026] as const
      if (!contains(COUNTY_OUTLINE, p)) continue
      const nearest = sites
        .map((s, i) => [Math.hypot(s[0] - p[0], s[1] - p[1]), i] as const)
        .sort((a, b) => a[0] - b[0])[0]![1]
      const holder = cells.findIndex((c) => contains(c, p))
      expect(holder).toBe(nearest)
    }
  })

  it('is GeoJSON with one closed polygon per town, named as the towns table names them', () => {
    const geo = schematicGeoJson(TOWNS.map((t) => ({ town_id: t.id, name: t.name, lon: t.lon, lat: t.lat })))
    expect(geo.features.map((f) => f.properties.name)).toEqual(TOWNS.map((t) => t.name))
    for (const f of geo.features) {
      const ring = (f.geometry.coordinates as number[][][])[0]!
      expect(ring[0]).toEqual(ring[ring.length - 1])
    }
  })

  it('spreads markers around a centre deterministically, without two on one spot', () => {
    const a = spread([121.1, 31.45], 7)
    expect(a).toEqual(spread([121.1, 31.45], 7))
    expect(new Set(a.map((p) => p.join())).size).toBe(7)
    for (const p of a) expect(Math.hypot(p[0] - 121.1, p[1] - 31.45)).toBeLessThan(0.02)
  })
})

describe('town map', () => {
  // Every town with eight observation points and eight projects, as crowded as a busy town gets.
  const rows: TownMapRow[] = TOWNS.map((t) => ({
    town_id: t.id,
    name: t.name,
    lon: t.lon,
    lat: t.lat,
    points: 8,
    ytd_output: 1000,
    projects: 8,
    project_plan: 100,
    markers: [
      ...Array.from({ length: 8 }, (_, i) => ({
        kind: 'point' as const,
        id: `${t.id}-P${i}`,
        name: `P${i}`,
        town_id: t.id,
        detail: '先进材料',
        value: null,
      })),
      ...Array.from({ length: 8 }, (_, i) => ({
        kind: 'project' as const,
        id: `${t.id}-K${i}`,
        name: `K${i}`,
        town_id: t.id,
        detail: '在建',
        value: 1000,
      })),
    ],
  }))
  echarts.registerMap(SCHEMATIC_MAP, schematicGeoJson(rows) as never)

  it('draws every town’s name after (over) its markers, so no marker hides a name', () => {
    for (const theme of ['light', 'dark'] as const) {
      const svg = renderSvg(townMapOption(rows, { theme }), 540, 420, theme)
      const lastMarker = Math.max(svg.lastIndexOf('fill="#e24c3d"'), svg.lastIndexOf('fill="#2e86c1"'))
      expect(lastMarker, 'markers drawn').toBeGreaterThan(0)
      for (const t of TOWNS) {
        const at = svg.indexOf(`>${t.name}</text>`)
        expect(at, `${t.name} (${theme})`).toBeGreaterThan(lastMarker)
        // Only once: the regions' own labels are off.
        expect(svg.indexOf(`>${t.name}</text>`, at + 1), t.name).toBe(-1)
      }
    }
  })

  it('puts each town’s markers below its name, and lets clicks through the names to the town or marker under them', () => {
    const option = townMapOption(rows, { theme: 'light' })
    const series = option.series as {
      name: string
      silent?: boolean
      data: { name?: string; value: number[]; marker?: { town_id: string } }[]
    }[]
    const names = series.at(-1)!
    expect(names.silent).toBe(true)
    const nameLat = new Map(names.data.map((d) => [d.name!, d.value[1]!]))
    for (const s of series.filter((s) => s.name === '观察点' || s.name === '重点项目')) {
      for (const d of s.data) {
        const town = TOWNS.find((t) => t.id === d.marker!.town_id)!
        // Half a line of desk text below the name's centre, at this map's scale (~0.001° a pixel).
        expect(d.value[1]!, `${s.name} of ${town.name}`).toBeLessThan(nameLat.get(town.name)! - 0.006)
      }
    }
  })
})
