import { describe, expect, it } from 'vitest'

import { readBatch } from '../src/ingest/xlsx/batch'
import { layoutSheet } from '../src/ingest/xlsx/layout'
import { readWorkbook } from '../src/ingest/xlsx/workbook'
import { buildWorkbook, monthlyReportRows, patchParts } from './support/workbooks'

const csvOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('a Chinese report layout', () => {
  it('finds the header under the title and unit lines, combines the merged header and skips totals and notes', async () => {
    const bytes = await buildWorkbook([{ name: 'Sheet1', rows: monthlyReportRows() }])
    const r = await readWorkbook(bytes, '月报.xlsx')
    if (!r.ok) throw new Error(r.error)
    const layout = r.value.layout!
    expect(layout.headerRows).toEqual([3, 4])
    expect(layout.headers).toEqual(['企业名称', '产业集群', '产值', '产值·1—11月累计', '纳税额', '产能利用率'])
    expect(layout.unit).toBe('亿元')
    expect(layout.month).toBe('2026-11')
    expect(layout.dataRows.map((r) => r + 1)).toEqual([5, 6])
    expect(layout.skipped.map((s) => [s.row, s.reason])).toEqual([
      [1, 'title'],
      [2, 'title'],
      [7, 'total'],
      [8, 'note'],
      [9, 'note'],
    ])
    expect(layout.notes.join('；')).toContain('「产值·1—11月累计」是累计或比较数')
  })

  it('writes the rows as the CSV the upload path stages: units in 万元, merged cells filled down, percents, the month offered', async () => {
    const bytes = await buildWorkbook([{ name: 'Sheet1', rows: monthlyReportRows() }])
    const { files, groups } = await readBatch([{ name: '月报.xlsx', bytes }])
    expect(files[0]!.error).toBeNull()
    expect(groups).toHaveLength(1)
    const g = groups[0]!
    expect(g.dataset).toBe('point_indicators')
    expect(csvOf(g.csv).split('\n').slice(0, 3)).toEqual([
      '企业名称,产业集群,产值（万元）,产值·1—11月累计,纳税额（万元）,产能利用率,月份',
      '信川汽车部件（太仓）有限公司,高端装备,12345,12.5,688,85.3%,2026-11',
      '天德精密机械有限公司,高端装备,8219,8.9,416,91.8%,2026-11',
    ])
    expect([...g.rowNumber]).toEqual([5, 6])
    expect(g.month).toEqual({ value: '2026-11', added: true })
    expect(g.notes).toEqual([
      '「产值·本月」作为当月值',
      '「产值·1—11月累计」是累计或比较数，不作为当月值导入',
      '「产值」的单位是亿元，已按 1 亿元 = 10000 万元换算',
      '「纳税额」的单位是亿元，已按 1 亿元 = 10000 万元换算',
    ])
    expect(g.places[0]!.slice(0, 3)).toEqual([
      { letter: 'A', header: '企业名称' },
      { letter: 'B', header: '产业集群' },
      { letter: 'C', header: '产值' },
    ])
  })
})

describe('cells as Excel has them', () => {
  it('reads dates, serials, booleans, text digits and a formula without a cached value as a fault', async () => {
    const bytes = await buildWorkbook([
      {
        name: 'S',
        rows: [
          ['名称', '日期', '序列号', '是否', '数字', '公式'],
          [
            'a',
            { value: new Date('2026-11-03T00:00:00Z'), format: 'yyyy-mm-dd' },
            46329,
            true,
            '１,２３４.５',
            { value: 'B2+1', type: 'Formula' },
          ],
        ],
      },
    ])
    const r = await readWorkbook(bytes, 'x.xlsx')
    if (!r.ok) throw new Error(r.error)
    const row = r.value.grid!.rows[1]!
    expect(row.slice(0, 5)).toEqual(['a', '2026-11-03', 46329, true, '１,２３４.５'])
    expect(row[5]).toMatchObject({ kind: 'formula', text: '=B2+1' })
  })

  it("takes a formula's cached value when it has one", async () => {
    let bytes = await buildWorkbook([
      {
        name: 'S',
        rows: [
          ['名称', '值'],
          ['a', { value: '1+1', type: 'Formula' }],
        ],
      },
    ])
    bytes = patchParts(bytes, (name, xml) =>
      name.includes('worksheets') ? xml.replace('<f>1+1</f>', '<f>1+1</f><v>2</v>') : xml,
    )
    const r = await readWorkbook(bytes, 'x.xlsx')
    expect(r.ok && r.value.grid!.rows[1]).toEqual(['a', 2])
  })
})

describe('sheets', () => {
  it('lists every sheet with its rows, skips hidden and notes sheets, and reads the one asked for', async () => {
    const bytes = await buildWorkbook([
      { name: '填写说明', rows: [['说明'], ['请填写']] },
      {
        name: '隐藏',
        rows: [
          ['月份', '观察点编号', '产值（万元）'],
          ['2026-11', 'P01', 1],
        ],
        hidden: true,
      },
      {
        name: '月报',
        rows: [
          ['月份', '观察点编号', '产值（万元）'],
          ['2026-11', 'P01', 1],
          ['2026-11', 'P02', 2],
        ],
      },
    ])
    const r = await readWorkbook(bytes, 'x.xlsx')
    if (!r.ok) throw new Error(r.error)
    expect(r.value.sheets.map((s) => [s.name, s.hidden, s.notes, s.rows, s.dataset])).toEqual([
      ['填写说明', false, true, 1, null],
      ['隐藏', true, false, 1, 'point_indicators'],
      ['月报', false, false, 2, 'point_indicators'],
    ])
    expect(r.value.chosen).toBe(2)
    const hidden = await readWorkbook(bytes, 'x.xlsx', { sheet: '隐藏' })
    expect(hidden.ok && hidden.value.chosen).toBe(1)
  })
})

describe('layout of a plain sheet', () => {
  it('keeps a one-row header and drops empty rows and columns', () => {
    const layout = layoutSheet(
      {
        rows: [['a', null, 'b'], [], [1, null, 2], [3, null, 4]],
        merges: [],
        cells: 6,
      },
      'S',
    )
    expect(layout.headers).toEqual(['a', 'b'])
    expect(layout.columns).toEqual([0, 2])
    expect(layout.dataRows).toEqual([2, 3])
  })
})
