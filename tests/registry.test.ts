import { describe, expect, it } from 'vitest'

import { headerAliases, matchColumn, normalizeHeader } from '../src/datasets/headers'
import { columnHeading, getTable, requireTable, TABLES } from '../src/datasets/registry'
import { CLUSTERS } from '../src/datasets/vocabulary'
import { quoteIdent } from '../src/queries/sql'

describe('dataset registry', () => {
  it('holds every table of the data model, each once', () => {
    const names = TABLES.map((t) => t.name)
    expect(names).toEqual(
      expect.arrayContaining([
        'clusters',
        'towns',
        'observation_points',
        'point_indicators',
        'point_issues',
        'key_projects',
        'project_progress',
        'livelihood_items',
        'livelihood_progress',
        'supervision_stats',
        'supervision_activities',
        'deputy_suggestions',
        'micro_suggestions',
      ]),
    )
    expect(new Set(names).size).toBe(names.length)
  })

  it('gives every column a Chinese label and a type, and keys that exist', () => {
    for (const table of TABLES) {
      expect(table.label).toMatch(/[\u4e00-\u9fa5]/)
      for (const c of table.columns) expect(c.label, `${table.name}.${c.name}`).toMatch(/[\u4e00-\u9fa5]/)
      for (const k of table.primaryKey) expect(table.columns.map((c) => c.name)).toContain(k)
      const names = table.columns.map((c) => c.name)
      expect(new Set(names).size, table.name).toBe(names.length)
    }
  })

  it('lists tables after the tables they reference, and every reference points at a key', () => {
    TABLES.forEach((table, i) => {
      for (const fk of table.foreignKeys) {
        const target = requireTable(fk.references.table)
        expect(TABLES.indexOf(target), `${table.name}.${fk.column}`).toBeLessThan(i)
        expect(target.primaryKey).toContain(fk.references.column)
        expect(table.columns.map((c) => c.name)).toContain(fk.column)
      }
    })
  })

  it('never lets one header map to two columns of the same table', () => {
    for (const table of TABLES) {
      const seen = new Map<string, string>()
      for (const c of table.columns) {
        for (const alias of headerAliases(c)) {
          expect(seen.get(alias), `${table.name}: "${alias}" maps to ${seen.get(alias)} and ${c.name}`).toBeUndefined()
          seen.set(alias, c.name)
        }
      }
    }
  })

  it('maps the headers Chinese spreadsheets use onto columns', () => {
    const indicators = requireTable('point_indicators')
    expect(matchColumn(indicators, '产值（万元）')?.name).toBe('output_value')
    expect(matchColumn(indicators, '产值(万元)')?.name).toBe('output_value')
    expect(matchColumn(indicators, ' 工业产值 ')?.name).toBe('output_value')
    expect(matchColumn(indicators, '用电量（万千瓦时）')?.name).toBe('electricity')
    expect(matchColumn(indicators, 'ＯＵＴＰＵＴ＿ＶＡＬＵＥ')?.name).toBe('output_value')
    expect(matchColumn(indicators, '统计月份')?.name).toBe('period')
    expect(matchColumn(indicators, '产能利用率(%)')?.name).toBe('capacity_utilization')
    expect(matchColumn(indicators, '董事长')).toBeUndefined()
    expect(normalizeHeader('【产值】')).toBe('(产值)')
  })

  it('writes headings with units the way reports do', () => {
    const indicators = requireTable('point_indicators')
    expect(columnHeading(indicators.columns.find((c) => c.name === 'output_value')!)).toBe('产值（万元）')
    expect(columnHeading(indicators.columns.find((c) => c.name === 'capacity_utilization')!)).toBe('产能利用率（%）')
    expect(columnHeading(indicators.columns.find((c) => c.name === 'period')!)).toBe('月份')
  })

  it('keeps the "3+3" clusters as the product brief names them', () => {
    expect(CLUSTERS.filter((c) => c.group === '主导产业').map((c) => c.name)).toEqual([
      '高端装备',
      '先进材料',
      '现代物贸',
    ])
    expect(CLUSTERS.filter((c) => c.group === '特色产业').map((c) => c.name)).toEqual([
      '航空航天',
      '生物医药',
      '文化旅游',
    ])
  })

  it('marks which embedded tables are synthetic', () => {
    expect(getTable('supervision_stats')?.provenance).toBe('report')
    expect(getTable('point_indicators')?.provenance).toBe('sample')
    expect(getTable('clusters')?.provenance).toBe('reference')
  })

  it('quotes identifiers, even hostile ones', () => {
    expect(quoteIdent('产值')).toBe('"产值"')
    expect(quoteIdent('a"; DROP TABLE x; --')).toBe('"a""; DROP TABLE x; --"')
  })
})

describe('docs/DATA-MODEL.md', () => {
  it('is the registry rendered: run `npm run docs` after changing a table', async () => {
    const { readFileSync } = await import('node:fs')
    const { renderDataModel } = await import('../scripts/data-model-doc')
    expect(readFileSync(new URL('../docs/DATA-MODEL.md', import.meta.url), 'utf8')).toBe(renderDataModel())
  })
})

describe('示例数据: which tables are still the embedded sample', () => {
  it('marks a sample table while its embedded rows are loaded, not once an upload replaced it, nor a report table, nor one that failed', async () => {
    const { sampleTablesIn } = await import('../src/state/catalog')
    const ready = (source: 'embedded' | 'upload') =>
      ({ status: 'ready', rows: 1, latestPeriod: null, source, revision: 1 }) as const
    const snapshot = {
      engine: { status: 'ready', bundle: 'eh' },
      tables: {
        point_indicators: ready('embedded'),
        key_projects: ready('upload'),
        supervision_stats: ready('embedded'),
        livelihood_items: { status: 'error', reason: 'x' },
      },
      dataReady: true,
      epoch: 0,
    } as unknown as Parameters<typeof sampleTablesIn>[0]
    expect(sampleTablesIn(snapshot).map((t) => t.name)).toEqual(['point_indicators'])
    expect(sampleTablesIn(snapshot, ['key_projects', 'supervision_stats'])).toEqual([])
  })
})
