import { err, ok, type Result } from '../lib/result'

/**
 * A town-boundary file a user brings to replace the schematic map. Features are matched to
 * towns by name (a `name`, `NAME`, `名称` or `town` property), so the file needs nothing of ours.
 */
export interface TownBoundaries {
  readonly geo: { readonly type: 'FeatureCollection'; readonly features: readonly unknown[] }
  /** Town names found in the file. */
  readonly matched: readonly string[]
  /** Our towns the file has no feature for (they will not be drawn). */
  readonly missing: readonly string[]
  /** Feature names that match no town (drawn, but without data). */
  readonly unknown: readonly string[]
}

const NAME_KEYS = ['name', 'NAME', 'Name', '名称', 'town', 'TOWN', 'town_name']
export const MAX_GEOJSON_BYTES = 20 * 1024 * 1024

interface Feature {
  type?: unknown
  properties?: Record<string, unknown> | null
  geometry?: { type?: unknown; coordinates?: unknown } | null
}

function validCoordinates(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false
  if (depth === 0) return value.length >= 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v))
  return value.length > 0 && value.every((v) => validCoordinates(v, depth - 1))
}

export function parseTownBoundaries(text: string, townNames: readonly string[]): Result<TownBoundaries, string> {
  if (text.length > MAX_GEOJSON_BYTES) return err('文件超过 20 MB，无法作为镇区边界使用')
  let data: { type?: unknown; features?: unknown }
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    return err(`不是有效的 JSON 文件：${e instanceof Error ? e.message : String(e)}`)
  }
  if (!data || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return err('不是 GeoJSON FeatureCollection（缺少 "type": "FeatureCollection" 或 features 数组）')
  }
  const features: Feature[] = []
  const names: string[] = []
  for (const [i, f] of (data.features as Feature[]).entries()) {
    const type = f?.geometry?.type
    const depth = type === 'Polygon' ? 3 : type === 'MultiPolygon' ? 4 : -1
    if (depth < 0) return err(`第${i + 1}个要素的几何类型是 ${String(type ?? '空')}，只支持 Polygon 和 MultiPolygon`)
    if (!validCoordinates(f.geometry!.coordinates, depth - 1)) return err(`第${i + 1}个要素的坐标不完整或不是数字`)
    const key = NAME_KEYS.find((k) => typeof f.properties?.[k] === 'string' && (f.properties[k] as string).trim())
    if (!key) return err(`第${i + 1}个要素没有名称属性（需要 name、名称 或 town 之一）`)
    const name = (f.properties![key] as string).trim()
    names.push(name)
    // ECharts matches regions by properties.name.
    features.push({ type: 'Feature', properties: { ...f.properties, name }, geometry: f.geometry })
  }
  if (features.length === 0) return err('文件中没有任何要素')
  const matched = townNames.filter((t) => names.includes(t))
  if (matched.length === 0)
    return err(
      `文件中的要素名称（${names.slice(0, 5).join('、')}${names.length > 5 ? '等' : ''}）与镇区名称都不一致，例如应为“${townNames[0] ?? ''}”`,
    )
  return ok({
    geo: { type: 'FeatureCollection', features },
    matched,
    missing: townNames.filter((t) => !names.includes(t)),
    unknown: names.filter((n) => !townNames.includes(n)),
  })
}
