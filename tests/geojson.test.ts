import { describe, expect, it } from 'vitest'

import { parseTownBoundaries } from '../src/datasets/geojson'

const TOWNS = ['城厢镇', '沙溪镇', '浏河镇']
const square = [
  [
    [121, 31],
    [121.1, 31],
    [121.1, 31.1],
    [121, 31.1],
    [121, 31],
  ],
]
const feature = (name: string, geometry: object = { type: 'Polygon', coordinates: square }, key = 'name') => ({
  type: 'Feature',
  properties: { [key]: name },
  geometry,
})

describe('importing town boundaries', () => {
  it('matches features to towns by name and says which towns are missing', () => {
    const result = parseTownBoundaries(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          feature('城厢镇'),
          feature('沙溪镇', { type: 'MultiPolygon', coordinates: [square] }, '名称'),
          feature('新城区'),
        ],
      }),
      TOWNS,
    )
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.value.matched).toEqual(['城厢镇', '沙溪镇'])
      expect(result.value.missing).toEqual(['浏河镇'])
      expect(result.value.unknown).toEqual(['新城区'])
      // ECharts finds regions by properties.name, whatever the file called it.
      expect((result.value.geo.features[1] as { properties: { name: string } }).properties.name).toBe('沙溪镇')
    }
  })

  it('says what is wrong, in Chinese, and where', () => {
    expect(parseTownBoundaries('{"type": "Feature', TOWNS)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^不是有效的 JSON 文件/),
    })
    expect(parseTownBoundaries('{"type":"Topology"}', TOWNS)).toEqual({
      ok: false,
      error: '不是 GeoJSON FeatureCollection（缺少 "type": "FeatureCollection" 或 features 数组）',
    })
    expect(
      parseTownBoundaries(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [feature('城厢镇'), feature('沙溪镇', { type: 'Point', coordinates: [1, 2] })],
        }),
        TOWNS,
      ),
    ).toEqual({
      ok: false,
      error: '第2个要素的几何类型是 Point，只支持 Polygon 和 MultiPolygon',
    })
    expect(
      parseTownBoundaries(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [feature('城厢镇', { type: 'Polygon', coordinates: [[[121, 'x']]] })],
        }),
        TOWNS,
      ),
    ).toEqual({ ok: false, error: '第1个要素的坐标不完整或不是数字' })
    expect(
      parseTownBoundaries(JSON.stringify({ type: 'FeatureCollection', features: [feature('Springfield')] }), TOWNS),
    ).toMatchObject({ ok: false, error: expect.stringContaining('与镇区名称都不一致') })
  })
})
