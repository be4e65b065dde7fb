import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { TABLES } from '../src/datasets/registry'
import { discardStage, type IngestSession, openIngestSession } from '../src/db/ingest'
import { confirmUpload } from '../src/db/ingest-pipeline'
import { prepareWorkbookGroup } from '../src/db/ingest-workbook'
import type { NodeEngine } from '../src/db/node'
import type { Reference } from '../src/ingest/names'
import {
  datasetTemplate,
  EXAMPLE_MARK,
  monthlyReportTemplate,
  type ReferenceLists,
  templateCell,
  writeMonthlyReports,
  writeTemplate,
} from '../src/ingest/templates'
import { readBatch } from '../src/ingest/xlsx/batch'
import { readWorkbook } from '../src/ingest/xlsx/workbook'
import { loadEmbeddedData } from './support/embedded'
import { must, query, startEngineWithSchema } from './support/engine'

let engine: NodeEngine
let session: IngestSession
let refs: ReferenceLists

beforeAll(async () => {
  engine = await startEngineWithSchema()
  await loadEmbeddedData(engine)
  session = await openIngestSession(engine.db)
  const list = async (table: string, id: string) =>
    query<Reference>(
      engine,
      `SELECT CAST(${id} AS VARCHAR) AS id, CAST(name AS VARCHAR) AS name FROM ${table} ORDER BY 1`,
    )
  refs = {
    observation_points: await list('observation_points', 'point_id'),
    clusters: await list('clusters', 'cluster_id'),
    towns: await list('towns', 'town_id'),
    key_projects: await list('key_projects', 'project_id'),
    livelihood_items: await list('livelihood_items', 'item_id'),
  }
})
afterAll(async () => {
  await engine?.terminate()
})

async function upload(files: { name: string; bytes: Uint8Array }[]) {
  const batch = await readBatch(files)
  expect(batch.files.map((f) => f.error)).toEqual(files.map(() => null))
  expect(batch.groups).toHaveLength(1)
  const r = await prepareWorkbookGroup(session, batch, 0)
  if (!r.ok) throw new Error(r.error)
  return { batch, prepared: r.value }
}

describe('a dataset template, filled in, uploads with no problem', () => {
  for (const table of TABLES) {
    it(`「${table.label}」`, async () => {
      const [example] = await query<Record<string, unknown>>(engine, `SELECT * FROM "${table.name}" LIMIT 1`)
      const sheets = datasetTemplate(table, example!, refs)
      expect(sheets.map((s) => s.sheet)).toEqual([table.label, '填写说明'])
      expect(sheets[0]!.stickyRowsCount).toBe(1)
      // The user fills in one row under the example: the example's values.
      sheets[0]!.data.push(table.columns.map((c) => templateCell(c, example![c.name])))
      const { batch, prepared } = await upload([{ name: `${table.label}.xlsx`, bytes: await writeTemplate(sheets) }])
      expect(batch.files[0]!.skipped).toEqual([
        { row: 2, reason: 'example', text: expect.stringContaining(EXAMPLE_MARK) },
      ])
      expect(prepared.plan.target).toMatchObject({ kind: 'table', table: { name: table.name } })
      expect(prepared.report).toMatchObject({ rows: 1, failingRows: 0, issueCount: 0, fatal: [] })
      await discardStage(session)
    })
  }

  it('lists the allowed values on 填写说明: point ids with names, clusters, towns with short names, categories', async () => {
    const table = TABLES.find((t) => t.name === 'observation_points')!
    const notes = datasetTemplate(table, null, refs)[1]!.data.map((row) => row.map((c) => c?.value ?? '').join('|'))
    expect(notes).toContain('equipment|高端装备|')
    expect(notes).toContain('hitech|太仓高新区|高新区')
    expect(notes.find((n) => n.startsWith('企业性质'))).toContain('国有、民营、外资、中外合资')
    const issues = TABLES.find((t) => t.name === 'point_issues')!
    const lines = datasetTemplate(issues, null, refs)[1]!.data.map((row) => row.map((c) => c?.value ?? '').join('|'))
    expect(lines).toContain('P01|信川汽车部件（太仓）有限公司|信川汽车部件')
    expect(lines.find((n) => n.startsWith('办理状态'))).toContain('待交办、办理中、已办结')
  })

  it('takes names instead of codes in a filled-in list of points', async () => {
    const table = TABLES.find((t) => t.name === 'observation_points')!
    const sheets = datasetTemplate(table, null, refs)
    const row = {
      point_id: 'P20',
      name: '新星精密制造有限公司',
      cluster_id: '高端装备',
      town_id: '高新区',
      established_on: '2026-01-05',
    }
    sheets[0]!.data.push(table.columns.map((c) => templateCell(c, row[c.name as keyof typeof row])))
    const { prepared } = await upload([{ name: '观察点.xlsx', bytes: await writeTemplate(sheets) }])
    expect(prepared.report).toMatchObject({ rows: 1, issueCount: 0 })
    await discardStage(session)
  })
})

describe('the monthly 观察点月报表', () => {
  it('makes one workbook per point in one zip, each with its id, name and month filled in', async () => {
    const zip = unzipSync(await writeMonthlyReports(refs.observation_points!, '2031-11', refs))
    const names = Object.keys(zip)
    expect(names).toHaveLength(19)
    expect(names[0]).toBe('观察点月报表_2031年11月_P01_信川汽车部件（太仓）有限公司.xlsx')
    const book = await readWorkbook(zip[names[0]!]!, names[0]!)
    if (!book.ok) throw new Error(book.error)
    expect(book.value.sheets.map((s) => [s.name, s.dataset])).toEqual([
      ['2031年11月', 'point_indicators'],
      ['填写说明', null],
    ])
    expect(book.value.grid!.rows[3]!.slice(0, 3)).toEqual(['2031-11', 'P01', '信川汽车部件（太仓）有限公司'])
    expect(strFromU8(unzipSync(zip[names[0]!]!)['xl/worksheets/sheet1.xml']!)).toContain('<pane')
  })

  it('all 19, filled in and dropped together, are one upload with no problem and one commit', async () => {
    const files = await Promise.all(
      refs.observation_points!.map(async (point, i) => {
        const sheets = monthlyReportTemplate(point, '2031-11', refs)
        const row = sheets[0]!.data[3]!
        for (let c = 3; c < row.length; c++)
          row[c] = { value: c === 3 ? 1000 + i : c === row.length - 1 ? 80.5 : 10 * c, type: Number }
        return { name: `月报_${point.id}.xlsx`, bytes: await writeTemplate(sheets) }
      }),
    )
    const { batch, prepared } = await upload(files)
    expect(batch.groups[0]!.files).toHaveLength(19)
    expect(prepared.plan.target).toMatchObject({ kind: 'table', table: { name: 'point_indicators' }, mode: 'append' })
    expect(prepared.report).toMatchObject({ rows: 19, failingRows: 0, issueCount: 0 })
    const committed = await confirmUpload(session, prepared, true)
    expect(committed.ok).toBe(true)
    const rows = await query<{ n: number; total: number; p: number }>(
      engine,
      `SELECT count(*)::INTEGER AS n, sum(output_value)::DOUBLE AS total, avg(capacity_utilization) AS p FROM point_indicators WHERE period = '2031-11'`,
    )
    expect(rows).toEqual([{ n: 19, total: 19 * 1000 + 171, p: 80.5 }])
    await must(engine, `DELETE FROM point_indicators WHERE period = '2031-11'`)
  })
})
