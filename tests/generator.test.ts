import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_CONFIG, generateSampleFiles } from '../scripts/sample-data'
import { REPORT_FIGURES } from '../scripts/sample-data/report-figures'
import { TABLES } from '../src/datasets/registry'
import { ACTIVITY_TYPES } from '../src/datasets/vocabulary'
import type { NodeEngine } from '../src/db/node'
import { periodRange } from '../src/lib/period'
import { integrityChecks } from '../src/queries/integrity'
import { DATA_DIR, loadEmbeddedData } from './support/embedded'
import { query, startEngineWithSchema } from './support/engine'

/** The two work reports, kept in the repo as the source of every quoted figure. */
const SOURCES = path.resolve(__dirname, '../data/sources')
const SHARED_SEEDS = path.resolve(__dirname, '../../shared/seeds')
const squash = (s: string) => s.replace(/\s+/g, '')

describe('embedded data generator', () => {
  const first = generateSampleFiles(DEFAULT_CONFIG)

  it('makes the same bytes twice', () => {
    const second = generateSampleFiles(DEFAULT_CONFIG)
    expect([...second.keys()]).toEqual([...first.keys()])
    for (const [name, text] of first) expect(second.get(name), name).toBe(text)
  })

  it('is what data/ holds: `npm run data` reproduces the committed files byte for byte', () => {
    const committed = readdirSync(DATA_DIR)
      .filter((f) => f.endsWith('.csv'))
      .sort()
    expect(committed).toEqual([...first.keys()].sort())
    for (const [name, text] of first) expect(readFileSync(path.join(DATA_DIR, name), 'utf8'), name).toBe(text)
  })

  it('covers every month from 2023-01 to the pinned latest month', () => {
    const rows = Papa.parse<Record<string, string>>(first.get('point_indicators.csv')!, {
      header: true,
      skipEmptyLines: true,
    }).data
    const periods = [...new Set(rows.map((r) => r.period))].sort()
    expect(periods).toEqual(periodRange('2023-01', DEFAULT_CONFIG.throughPeriod))
  })

  it('extends to another month without touching the seeds-sourced table', () => {
    const later = generateSampleFiles({ ...DEFAULT_CONFIG, throughPeriod: '2027-02' })
    expect(later.get('supervision_stats.csv')).toBe(first.get('supervision_stats.csv'))
    expect(later.get('point_indicators.csv')).toContain('2027-02,P01,')
  })
})

describe('report figures in supervision_stats', () => {
  const text = readFileSync(path.join(DATA_DIR, 'supervision_stats.csv'), 'utf8')
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
  const seeds = readdirSync(SOURCES).map((f) => squash(readFileSync(path.join(SOURCES, f), 'utf8')))
  const value = (year: number, metricId: string) =>
    Number(rows.find((r) => r.year === String(year) && r.metric_id === metricId)?.value)

  it('reproduces the figures the data model names, exactly', () => {
    expect([2022, 2024].map((y) => value(y, 'standing_committee_meetings'))).toEqual([7, 9])
    expect([2022, 2024].map((y) => value(y, 'chairpersons_meetings'))).toEqual([13, 14])
    expect([2022, 2024].map((y) => value(y, 'law_enforcement_checks'))).toEqual([5, 5])
    expect([2022, 2024].map((y) => value(y, 'inspections'))).toEqual([5, 8])
    expect([2022, 2024].map((y) => value(y, 'special_inquiries'))).toEqual([2, 2])
    expect([2022, 2024].map((y) => value(y, 'special_work_reports'))).toEqual([34, 30])
    expect([2022, 2024].map((y) => value(y, 'resolutions'))).toEqual([6, 14])
    expect([2022, 2024].map((y) => value(y, 'appointments'))).toEqual([75, 73])
    expect([2022, 2024].map((y) => value(y, 'deputy_suggestions'))).toEqual([106, 166])
    expect([2022, 2024].map((y) => value(y, 'suggestion_satisfaction'))).toEqual([100, 100])
    expect([2022, 2024].map((y) => value(y, 'micro_suggestions'))).toEqual([433, 342])
    expect(value(2022, 'micro_suggestions_resolved')).toBe(406)
    expect(value(2024, 'people_assessors')).toBe(12)
    expect(value(2024, 'livelihood_items')).toBe(20)
    expect(value(2024, 'observation_points')).toBe(19)
    expect(value(2024, 'observation_point_reports')).toBe(15)
  })

  it.skipIf(!existsSync(SHARED_SEEDS))(
    'keeps the reports in data/sources byte for byte as shared/seeds has them',
    () => {
      const shared = readdirSync(SHARED_SEEDS)
        .map((f) => readFileSync(path.join(SHARED_SEEDS, f), 'utf8'))
        .sort()
      const ours = readdirSync(SOURCES)
        .map((f) => readFileSync(path.join(SOURCES, f), 'utf8'))
        .sort()
      expect(ours).toEqual(shared)
    },
  )

  it('quotes every figure from its report word for word, with its source', () => {
    expect(rows).toHaveLength(REPORT_FIGURES.length)
    for (const row of rows) {
      expect(
        seeds.some((s) => s.includes(squash(row.quote!))),
        `${row.year} ${row.metric_id}: ${row.quote}`,
      ).toBe(true)
      expect(squash(row.quote!)).toContain(row.value)
      expect(row.source).toContain(row.year === '2022' ? '2023年1月4日' : '2025年1月8日')
    }
  })
})

describe('embedded data in DuckDB', () => {
  let engine: NodeEngine
  beforeAll(async () => {
    engine = await startEngineWithSchema()
    await loadEmbeddedData(engine)
  })
  afterAll(async () => {
    await engine?.terminate()
  })

  it('passes every integrity rule of the registry: keys unique, references resolve, values allowed', async () => {
    for (const table of TABLES) {
      for (const check of integrityChecks(table)) {
        const offending = await query(engine, check.sql)
        expect(offending, `${table.name}.${check.column}: ${check.rule}`).toEqual([])
      }
    }
  })

  it('has the 19 observation points of the 2024 report, covering all six clusters', async () => {
    const [row] = await query<{ n: number; clusters: number }>(
      engine,
      'SELECT count(*) AS n, count(DISTINCT cluster_id) AS clusters FROM observation_points',
    )
    expect(row).toEqual({ n: 19, clusters: 6 })
  })

  it('has 20 livelihood items in 2024', async () => {
    const [row] = await query<{ n: number }>(engine, 'SELECT count(*) AS n FROM livelihood_items WHERE year = 2024')
    expect(row!.n).toBe(20)
  })

  it("keeps the activity ledger in step with both reports' counts", async () => {
    const counts = await query<{ year: number; type: string; n: number }>(
      engine,
      'SELECT year(date) AS year, type, count(*) AS n FROM supervision_activities WHERE year(date) IN (2022, 2024) GROUP BY ALL',
    )
    for (const { type, metricId } of ACTIVITY_TYPES) {
      if (!metricId) continue
      for (const year of [2022, 2024]) {
        const reported = REPORT_FIGURES.find((f) => f.year === year && f.metricId === metricId)!.value
        expect(counts.find((c) => c.year === year && c.type === type)?.n, `${year} ${type}`).toBe(reported)
      }
    }
  })

  it('has 106 suggestions with 8 key ones in 2022, and 166 all handled in 2024, all rated satisfied', async () => {
    const rows = await query<{ year: number; n: number; key: number; handled: number; unsatisfied: number }>(
      engine,
      `SELECT year, count(*) AS n, count(*) FILTER (WHERE is_key) AS key, count(*) FILTER (WHERE status = '已办结') AS handled,
              count(*) FILTER (WHERE satisfaction = '不满意') AS unsatisfied
       FROM deputy_suggestions WHERE year IN (2022, 2024) GROUP BY year ORDER BY year`,
    )
    expect(rows).toEqual([
      { year: 2022, n: 106, key: 8, handled: 106, unsatisfied: 0 },
      { year: 2024, n: 166, key: 9, handled: 166, unsatisfied: 0 },
    ])
  })

  it('has 433 micro-suggestions in 2022 with 406 resolved that year, and 342 raised and resolved in 2024', async () => {
    const rows = await query<{ year: number; raised: number; resolved: number }>(
      engine,
      `SELECT year(submitted_on) AS year, count(*) AS raised, count(*) FILTER (WHERE year(resolved_on) = year(submitted_on)) AS resolved
       FROM micro_suggestions WHERE year(submitted_on) IN (2022, 2024) GROUP BY 1 ORDER BY 1`,
    )
    expect(rows).toEqual([
      { year: 2022, raised: 433, resolved: 406 },
      { year: 2024, raised: 342, resolved: 342 },
    ])
  })

  it('has one point late with the latest month and one with a gap, as the sample promises', async () => {
    const missing = await query<{ point_id: string; period: string }>(
      engine,
      `SELECT p.point_id, m.period FROM observation_points p CROSS JOIN (SELECT DISTINCT period FROM point_indicators) m
       WHERE NOT EXISTS (SELECT 1 FROM point_indicators i WHERE i.point_id = p.point_id AND i.period = m.period) ORDER BY 1, 2`,
    )
    expect(missing).toEqual([
      { point_id: 'P10', period: DEFAULT_CONFIG.throughPeriod },
      { point_id: 'P13', period: '2025-07' },
    ])
  })

  it('keeps cumulative progress from going backwards', async () => {
    const rows = await query(
      engine,
      `SELECT * FROM (SELECT item_id, period, progress_pct, lag(progress_pct) OVER (PARTITION BY item_id ORDER BY period) AS prev FROM livelihood_progress)
       WHERE progress_pct < prev`,
    )
    expect(rows).toEqual([])
  })
})
