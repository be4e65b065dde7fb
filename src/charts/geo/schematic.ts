import { type Point, type Ring, voronoiCells } from './voronoi'

/**
 * A schematic map of the towns and zones: no town-level boundary data is public, so each
 * town gets the area nearer to its approximate centre than to any other, inside a rough
 * outline of the county. It is labelled as a schematic wherever it is shown, and a user can
 * replace it with their own GeoJSON.
 */
export const SCHEMATIC_MAP = 'observatory-schematic'

/** A rough outline of Taicang (lon, lat), drawn by hand for the schematic; the Yangtze is to the north-east. */
export const COUNTY_OUTLINE: Ring = [
  [121.0, 31.45],
  [121.03, 31.395],
  [121.12, 31.385],
  [121.2, 31.42],
  [121.28, 31.46],
  [121.34, 31.5],
  [121.3, 31.57],
  [121.22, 31.65],
  [121.12, 31.7],
  [121.04, 31.69],
  [120.99, 31.62],
  [120.97, 31.53],
]

export interface TownSite {
  readonly town_id: string
  readonly name: string
  readonly lon: number
  readonly lat: number
}

export interface GeoFeatureCollection {
  readonly type: 'FeatureCollection'
  readonly features: readonly {
    readonly type: 'Feature'
    readonly properties: { readonly name: string; readonly town_id?: string }
    readonly geometry:
      | { readonly type: 'Polygon'; readonly coordinates: number[][][] }
      | { readonly type: 'MultiPolygon'; readonly coordinates: number[][][][] }
  }[]
}

/** GeoJSON of the schematic cells, one feature per town, named as the towns table names them. */
export function schematicGeoJson(towns: readonly TownSite[]): GeoFeatureCollection {
  const sites: Point[] = towns.map((t) => [t.lon, t.lat])
  const cells = voronoiCells(sites, COUNTY_OUTLINE)
  return {
    type: 'FeatureCollection',
    features: towns.map((t, i) => {
      const ring = cells[i]!.map(([x, y]) => [round(x), round(y)])
      return {
        type: 'Feature',
        properties: { name: t.name, town_id: t.town_id },
        geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] },
      }
    }),
  }
}

const round = (v: number) => Math.round(v * 1e5) / 1e5

/**
 * Places `count` markers around a centre without overlap: a sunflower spiral scaled to the
 * map, deterministic so the same data always draws the same picture.
 */
export function spread(center: Point, count: number, radius = 0.018): Point[] {
  const golden = Math.PI * (3 - Math.sqrt(5))
  return Array.from({ length: count }, (_, i) => {
    const r = radius * Math.sqrt((i + 0.5) / Math.max(count, 1))
    const a = i * golden
    return [round(center[0] + r * Math.cos(a)), round(center[1] + r * Math.sin(a) * 0.86)]
  })
}
