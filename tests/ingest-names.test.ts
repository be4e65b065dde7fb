import { describe, expect, it } from 'vitest'

import { coreName, describeCandidates, nameKey, nameResolver } from '../src/ingest/names'
import { headerMoneyUnit, headersInWanYuan, toWanYuan, unitLine } from '../src/ingest/units'

const POINTS = [
  { id: 'P01', name: '信川汽车部件（太仓）有限公司' },
  { id: 'P02', name: '天德精密机械有限公司' },
  { id: 'P03', name: '泓峰智能装备股份有限公司' },
  { id: 'P07', name: '信川新材料有限公司' },
]
const TOWNS = [
  { id: 'chengxiang', name: '城厢镇' },
  { id: 'loudong', name: '娄东街道' },
  { id: 'hitech', name: '太仓高新区' },
  { id: 'port', name: '太仓港区' },
]
const CLUSTERS = [
  { id: 'equipment', name: '高端装备' },
  { id: 'materials', name: '先进材料' },
]

describe('name keys', () => {
  it('compares names across full-width forms, brackets and spaces', () => {
    expect(nameKey(' 信川汽车部件(太仓)有限公司 ')).toBe(nameKey('信川汽车部件（太仓）有限公司'))
    expect(nameKey('Ｐ０１')).toBe('p01')
  })

  it('takes off bracketed places, a leading place name and legal-form words', () => {
    expect(coreName('信川汽车部件（太仓）有限公司')).toBe('信川汽车部件')
    expect(coreName('泓峰智能装备股份有限公司')).toBe('泓峰智能装备')
    expect(coreName('泓峰智能装备股份')).toBe('泓峰智能装备')
    expect(coreName('太仓高新区')).toBe('高新区')
    expect(coreName('城厢镇')).toBe('城厢')
    expect(coreName('娄东街道')).toBe('娄东')
    expect(coreName('高端装备产业集群')).toBe('高端装备')
  })
})

describe('resolving names to ids', () => {
  const points = nameResolver(POINTS)
  const towns = nameResolver(TOWNS)
  const clusters = nameResolver(CLUSTERS)

  it('keeps an id as it is, whatever its width or case', () => {
    expect(points('P01')).toEqual({ kind: 'id', id: 'P01', via: 'id' })
    expect(points('ｐ０１')).toEqual({ kind: 'id', id: 'P01', via: 'id' })
  })

  it('finds an enterprise by its full name and by its name without （太仓）, 有限公司 or 股份', () => {
    expect(points('信川汽车部件（太仓）有限公司')).toEqual({ kind: 'id', id: 'P01', via: 'name' })
    expect(points('信川汽车部件有限公司')).toEqual({ kind: 'id', id: 'P01', via: 'short' })
    expect(points('信川汽车部件')).toEqual({ kind: 'id', id: 'P01', via: 'short' })
    expect(points('泓峰智能装备有限公司')).toEqual({ kind: 'id', id: 'P03', via: 'short' })
    expect(points('泓峰智能装备股份')).toEqual({ kind: 'id', id: 'P03', via: 'short' })
  })

  it('finds towns by name and short name, clusters by name', () => {
    expect(towns('城厢镇')).toMatchObject({ kind: 'id', id: 'chengxiang' })
    expect(towns('城厢')).toMatchObject({ kind: 'id', id: 'chengxiang' })
    expect(towns('高新区')).toMatchObject({ kind: 'id', id: 'hitech' })
    expect(towns('港区')).toMatchObject({ kind: 'id', id: 'port' })
    expect(towns('娄东街道')).toMatchObject({ kind: 'id', id: 'loudong' })
    expect(clusters('高端装备')).toMatchObject({ kind: 'id', id: 'equipment' })
    expect(clusters('高端装备产业')).toMatchObject({ kind: 'id', id: 'equipment' })
  })

  it('never picks one of two names that both fit: the name is ambiguous, with both listed', () => {
    const r = points('信川')
    expect(r.kind).toBe('ambiguous')
    expect(r.kind !== 'id' && r.candidates.map((c) => c.id).sort()).toEqual(['P01', 'P07'])
  })

  it('calls an unknown name unknown, with the closest names first', () => {
    const r = points('天德精密机器有限公司')
    expect(r.kind).toBe('unknown')
    expect(r.kind !== 'id' && r.candidates[0]?.id).toBe('P02')
    expect(towns('沙溪镇').kind).toBe('unknown')
    expect(clusters('航空航天').kind).toBe('unknown')
  })

  it('writes candidates as id and name', () => {
    expect(describeCandidates(POINTS.slice(0, 2))).toBe('P01 信川汽车部件（太仓）有限公司、P02 天德精密机械有限公司')
  })
})

describe('money units', () => {
  it('reads a header unit and a unit line', () => {
    expect(headerMoneyUnit('产值（亿元）')).toEqual({ base: '产值', unit: '亿元' })
    expect(headerMoneyUnit('纳税额(元)')).toEqual({ base: '纳税额', unit: '元' })
    expect(headerMoneyUnit('用电量（万千瓦时）')).toBeNull()
    expect(unitLine('单位：亿元')).toBe('亿元')
    expect(unitLine('金额单位:元')).toBe('元')
    expect(unitLine('（单位：万元）')).toBe('万元')
    expect(unitLine('单位：元/吨')).toBe('元')
    expect(unitLine('填报单位：信川')).toBeNull()
  })

  it('turns 亿元 and 元 into 万元 for mapping, keeping the factor', () => {
    const { headers, units } = headersInWanYuan(['企业名称', '产值（亿元）', '纳税额', '用工人数（人）'], '元')
    expect(headers).toEqual(['企业名称', '产值（万元）', '纳税额', '用工人数（人）'])
    expect(units).toEqual(['元', '亿元', '元', '元'])
    expect(toWanYuan('亿元')).toBe(10000)
    expect(toWanYuan('元')).toBe(0.0001)
    expect(toWanYuan(null)).toBe(1)
  })
})
