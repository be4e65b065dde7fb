import { describe, expect, it } from 'vitest'
import { COUNTY_OUTLINE, schematicGeoJson, spread } from '../src/charts/geo/schematic'
import { area, contains, voronoiCells } from '../src/charts/geo/voronoi'
import { TOWNS } from '../src/datasets/vocabulary'

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
      const nearest = sites.map((s, i) => [Math.hypot(s[0] - p[0], s[1] - p[1]), i] as const).sort((a, b) => a[0] - b[0])[0]![1]
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
