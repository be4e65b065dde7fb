import { describe, expect, it } from 'vitest'
import writeXlsxFile from 'write-excel-file/node'

import { captionText, chineseDate, exportFileName, periodOf } from '../src/export/caption'
import { paletteFor } from '../src/export/colors'
import { columnLabel } from '../src/export/columns'
import { BOM, toCsv } from '../src/export/csv'
import { layoutCaption, wrapText } from '../src/export/layout'
import { chartSentence, figuresOfOption, rankPhrase } from '../src/export/narrative'
import { isFormulaLike, neutraliseForCsv } from '../src/export/neutralise'
import { fitBox } from '../src/export/pack'
import { composeSvg, escapeXml } from '../src/export/svg'
import { tableFromRows } from '../src/export/table'
import { safeSheetName, xlsxColumnWidths, xlsxSheet } from '../src/export/xlsx'
import { parseCsv } from './e2e/support/exports'
import { readXlsx } from './support/xlsx-read'

const HOSTILE = '=HYPERLINK("http://x","y")'
const rows = [
  { name: '高端装备', ytd_output: 523456.78, output_yoy: 0.0534, note: HOSTILE },
  { name: '先进材料', ytd_output: -1200.5, output_yoy: -0.021, note: '+SUM(A1:A2)' },
  { name: '航空航天, "一号"', ytd_output: 0, output_yoy: null, note: '-12.5' },
  { name: '@cmd', ytd_output: 12, output_yoy: 0.1, note: '\tTAB' },
]
const table = tableFromRows(rows, [
  { key: 'name', label: '产业集群' },
  { key: 'ytd_output', label: '累计产值', unit: '万元' },
  { key: 'output_yoy', label: '产值同比', percent: true },
  { key: 'note', label: '备注' },
])

describe('export tables', () => {
  it('keeps numbers as numbers, ratios as percentage numbers, headers in Chinese with units', () => {
    expect(table.columns).toEqual([
      { header: '产业集群', kind: 'text' },
      { header: '累计产值（万元）', kind: 'number' },
      { header: '产值同比（%）', kind: 'number' },
      { header: '备注', kind: 'text' },
    ])
    expect(table.rows[0]).toEqual(['高端装备', 523456.78, 5.34, HOSTILE])
    expect(table.rows[1]![2]).toBe(-2.1)
  })

  it('names query columns in Chinese, from the export dictionary and then the registry', () => {
    expect(columnLabel('ytd_output')).toEqual({ label: '累计产值', unit: '万元' })
    expect(
      columnLabel('output_value', (k) => (k === 'output_value' ? { label: '产值', unit: '万元' } : undefined)),
    ).toEqual({ label: '产值', unit: '万元' })
    expect(columnLabel('mystery')).toEqual({ label: 'mystery' })
  })
})

describe('CSV', () => {
  const csv = toCsv(table)
  it('starts with a BOM, uses CRLF, and quotes what needs quoting', () => {
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.slice(1).split('\r\n')[0]).toBe('产业集群,累计产值（万元）,产值同比（%）,备注')
    const parsed = parseCsv(csv.slice(1))
    expect(parsed[3]![0]).toBe('航空航天, "一号"')
  })

  it('neutralises formula-like text with an apostrophe, but not numbers (negative ones included)', () => {
    const parsed = parseCsv(csv.slice(1))
    expect(parsed[1]![3]).toBe(`'${HOSTILE}`)
    expect(parsed[2]![3]).toBe("'+SUM(A1:A2)")
    expect(parsed[4]![0]).toBe("'@cmd")
    expect(parsed[4]![3]).toBe("'\tTAB")
    // A genuine negative number stays a number; text that is a plain number is left alone.
    expect(parsed[2]![1]).toBe('-1200.5')
    expect(parsed[2]![2]).toBe('-2.1')
    expect(parsed[3]![3]).toBe('-12.5')
    expect(parsed[3]![2]).toBe('')
  })

  it('knows every trigger character', () => {
    for (const s of ['=1+1', '+1', '-1+2', '@SUM(1)', '\t=1', '\r=1'])
      expect(isFormulaLike(s), JSON.stringify(s)).toBe(true)
    for (const s of ['-5', '-0.25', '12', '高端装备', '', '—']) expect(isFormulaLike(s), JSON.stringify(s)).toBe(false)
    expect(neutraliseForCsv('=1')).toBe("'=1")
  })
})

describe('XLSX', () => {
  it('writes numbers as number cells and formula-like text as string cells, read back from the file', async () => {
    const buffer = await writeXlsxFile(xlsxSheet(table), {
      columns: xlsxColumnWidths(table),
      sheet: safeSheetName('各集群累计产值'),
    }).toBuffer()
    const sheet = readXlsx(new Uint8Array(buffer))
    expect(sheet.map((r) => r.map((c) => c.value))).toEqual([
      ['产业集群', '累计产值（万元）', '产值同比（%）', '备注'],
      ['高端装备', 523456.78, 5.34, HOSTILE],
      ['先进材料', -1200.5, -2.1, '+SUM(A1:A2)'],
      // An empty cell is left out of the sheet; text "-12.5" stays in its own column (D).
      ['航空航天, "一号"', 0, '-12.5'],
      ['@cmd', 12, 10, '\tTAB'],
    ])
    const hostile = sheet[1]![3]!
    expect(hostile.formula).toBe(false)
    expect(['s', 'inlineStr', 'str']).toContain(hostile.type)
    expect(sheet[2]![1]!.type).toBe('')
    expect(sheet[3]![2]!.ref).toBe('D4')
  })

  it('makes a valid sheet name', () => {
    expect(safeSheetName('产值/纳税: 2026 [1—10月]')).toBe('产值 纳税  2026  1—10月')
    expect(safeSheetName('')).toBe('数据')
  })
})

describe('captions and file names', () => {
  it('finds the period a subtitle names', () => {
    expect(periodOf('亿元 · 2026年1—10月')).toBe('2026年1—10月')
    expect(periodOf('2026年10月 · 万元')).toBe('2026年10月')
    expect(periodOf('2024年代表票决项目 · 累计进度与序时进度')).toBe('2024年')
    expect(periodOf('本年重点项目清单')).toBeUndefined()
  })

  it('composes a file name from the title, period and scale, without characters an OS refuses', () => {
    expect(exportFileName('各集群累计产值', '亿元 · 2026年1—10月', 'png', '3x')).toBe(
      '各集群累计产值_2026年1—10月_3x.png',
    )
    expect(exportFileName('a/b: c?"d"', undefined, 'csv')).toBe('abcd.csv')
    expect(exportFileName('', undefined, 'svg')).toBe('图表.svg')
  })

  it('puts unit and period, filters, source and 示例数据 in the caption', () => {
    const text = captionText(
      {
        title: '各集群累计产值',
        subtitle: '亿元 · 2026年1—10月',
        filters: ['集群：高端装备', '对德合作'],
        sources: ['观察点月度指标', '观察点'],
        sample: true,
      },
      new Date('2026-11-30T18:00:00Z'),
    )
    expect(text.title).toBe('各集群累计产值')
    expect(text.head).toEqual(['亿元 · 2026年1—10月', '筛选条件：集群：高端装备；对德合作'])
    expect(text.foot[0]).toBe('数据来源：观察点月度指标、观察点 · 示例数据（合成，非真实统计）')
    // Beijing time: 18:00 UTC on 30 Nov is 1 December there.
    expect(text.foot[1]).toBe('观察点数据看板 · 导出于2026年12月1日')
    expect(chineseDate(new Date('2026-12-01T01:00:00Z'))).toBe('2026年12月1日')
  })

  it('lays the caption out around the chart, wrapping long lines by width', () => {
    expect(wrapText('一二三四五', 10, 30)).toEqual(['一二三', '四五'])
    const layout = layoutCaption({ title: '标题', head: ['亿元 · 2026年'], foot: ['数据来源：观察点'] }, 600, 300)
    expect(layout.width).toBe(600)
    expect(layout.chartTop).toBeGreaterThan(40)
    expect(layout.height).toBeGreaterThan(layout.chartTop + 300 + 18)
    expect(layout.lines.map((l) => l.role)).toEqual(['title', 'head', 'foot'])
  })

  it('escapes caption text in SVG and keeps the chart inside', () => {
    const layout = layoutCaption({ title: '<script>alert(1)</script> & 产值', head: [], foot: [] }, 400, 200)
    const svg = composeSvg(
      '<?xml version="1.0"?><svg width="400" height="200"><rect/></svg>',
      layout,
      paletteFor('dark', 'white'),
      '<script>',
    )
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; 产值')
    expect(svg).toContain(`<svg x="0" y="${layout.chartTop}" width="400"`)
    expect(svg).toContain('fill="#ffffff"')
    expect(escapeXml(`"'`)).toBe('&quot;&apos;')
  })

  it('prints on white in the light theme whatever the screen shows', () => {
    expect(paletteFor('dark', 'white').theme).toBe('light')
    expect(paletteFor('dark', 'theme')).toMatchObject({ theme: 'dark', background: '#111a2c' })
  })
})

describe('briefing sentences', () => {
  const option = {
    xAxis: { type: 'category', data: ['高端装备', '先进材料', '现代物贸'] },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: '累计产值（亿元）', data: [{ value: 52.31, key: 'c1' }, 31.2, 8.05] }],
  }
  it('reads categories, values and units from a bar, line or pie option', () => {
    expect(figuresOfOption(option)).toEqual({
      kind: 'category',
      categories: ['高端装备', '先进材料', '现代物贸'],
      series: [{ name: '累计产值（亿元）', label: '累计产值', unit: '亿元', type: 'bar', values: [52.31, 31.2, 8.05] }],
    })
    expect(figuresOfOption({ series: [{ type: 'pie', data: [{ name: '甲', value: 3 }] }] })).toEqual({
      kind: 'pie',
      categories: ['甲'],
      series: [{ name: '', label: '', unit: '', type: 'pie', values: [3] }],
    })
    expect(figuresOfOption({ series: [{ type: 'heatmap', data: [] }] })).toBeNull()
    // The unit from a value axis that draws "50%", or from a subtitle part that is a unit.
    const rate = {
      yAxis: { type: 'category', data: ['甲', '乙'] },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', data: [100, 56.2] }],
    }
    expect(figuresOfOption(rate)!.series[0]!.unit).toBe('%')
    const count = { xAxis: { type: 'category', data: ['在建'] }, yAxis: {}, series: [{ type: 'bar', data: [19] }] }
    expect(figuresOfOption(count, '本年重点项目清单 · 个')!.series[0]!.unit).toBe('个')
  })

  it('writes the period, the highest, the next and the lowest, every figure with its unit and decimals', () => {
    expect(chartSentence('各集群累计产值', '亿元 · 2026年1—10月', figuresOfOption(option))).toBe(
      '2026年1—10月，从累计产值看，高端装备最高，为52.31亿元；其次为先进材料，为31.20亿元；现代物贸最低，为8.05亿元。',
    )
    // Without a unit the figure stands alone; a subtitle part that is not a unit is never taken for one.
    const bare = { ...option, series: [{ ...option.series[0]!, name: '累计产值' }] }
    expect(chartSentence('各集群', '同比：同口径 · 2026年', figuresOfOption(bare))).toContain('为52.3；')
    expect(chartSentence('镇区分布', '示意图', null)).toBe('镇区分布如下图所示。')
  })

  it('says ties as 并列, with the % kept, instead of ranking equal figures', () => {
    const items = {
      yAxis: { type: 'category', data: ['改造老旧小区16个', '新增停车泊位2300个', '建设城市书房6家', '整治河道46条'] },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', data: [100, 100, 98.66, 56.2] }],
    }
    expect(chartSentence('民生实事进度', '2026年代表票决项目', figuresOfOption(items))).toBe(
      '2026年，从民生实事进度看，改造老旧小区16个和新增停车泊位2300个并列最高，均为100.0%；' +
        '其次为建设城市书房6家，为98.7%；整治河道46条最低，为56.2%。',
    )
    // Equal once written with the unit's decimals: 99.96% and 100% both read 100.0%.
    const close = { ...items, series: [{ type: 'bar', data: [100, 99.96, 60, 60] }] }
    expect(chartSentence('进度', undefined, figuresOfOption(close))).toBe(
      '从进度看，改造老旧小区16个和新增停车泊位2300个并列最高，均为100.0%；建设城市书房6家和整治河道46条并列最低，均为60.0%。',
    )
    const all = { ...items, series: [{ type: 'bar', data: [100, 100, 100, 100] }] }
    expect(chartSentence('进度', undefined, figuresOfOption(all))).toBe(
      '从进度看，改造老旧小区16个、新增停车泊位2300个、建设城市书房6家、整治河道46条均为100.0%。',
    )
    expect(
      rankPhrase(
        [
          ['甲', 3],
          ['乙', 3],
          ['丙', 1],
        ],
        '项',
      ),
    ).toBe('甲和乙并列最高，均为3项；丙最低，为1项')
  })

  it('writes shares of a pie, a second measure in its own unit, and lines over months', () => {
    const pie = {
      series: [
        {
          type: 'pie',
          data: [
            { name: '甲', value: 30 },
            { name: '乙', value: 50 },
            { name: '丙', value: 20 },
          ],
        },
      ],
    }
    expect(chartSentence('集群产值占比', '累计产值占比 · 2026年1—10月', figuresOfOption(pie))).toBe(
      '2026年1—10月，从集群产值占比看，乙占比最高，为50.0%；其次为甲，为30.0%；丙最低，为20.0%。',
    )
    const combo = {
      xAxis: { type: 'category', data: ['甲', '乙'] },
      yAxis: [
        { type: 'value', name: '亿元' },
        { type: 'value', name: '同比', axisLabel: { formatter: (v: number) => `${v}%` } },
      ],
      series: [
        { type: 'bar', name: '累计产值（亿元）', data: [117.334, 78.39] },
        { type: 'line', name: '同比增速', yAxisIndex: 1, data: [2.9, 8.5] },
      ],
    }
    expect(chartSentence('各集群累计产值与同比', undefined, figuresOfOption(combo))).toBe(
      '从累计产值看，甲最高，为117.33亿元；乙最低，为78.39亿元。从同比增速看，乙最高，为8.5%；甲最低，为2.9%。',
    )
    const months = {
      xAxis: { type: 'category', data: ['1月', '2月', '3月'] },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'line', name: '平均进度', data: [10, 5, 30] }],
    }
    expect(chartSentence('平均进度走势', '2026年', figuresOfOption(months))).toBe(
      '2026年，平均进度3月为30.0%，2月最低，为5.0%。',
    )
    // Different measures over months are not ranked against each other: each says where it stands.
    const plan = {
      xAxis: { type: 'category', data: ['9月', '10月'] },
      yAxis: { type: 'value', name: '亿元' },
      series: [
        { type: 'bar', name: '当月完成', data: [12.5, 10.36] },
        { type: 'line', name: '累计完成', data: [113.9, 124.23] },
        { type: 'line', name: '年度计划', data: [155.86, 155.86] },
      ],
    }
    expect(chartSentence('年度计划与完成投资', '亿元 · 2026年1—10月', figuresOfOption(plan))).toBe(
      '2026年1—10月，当月完成10月为10.36亿元，9月最高，为12.50亿元；累计完成10月为124.23亿元，9月最低，为113.90亿元。',
    )
  })

  it('fits an image into a box keeping its proportions', () => {
    expect(fitBox(1000, 500, 500, 500)).toEqual({ width: 500, height: 250 })
  })
})
