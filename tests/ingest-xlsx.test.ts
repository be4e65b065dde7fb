import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { discardStage, type IngestSession, openIngestSession } from '../src/db/ingest'
import { confirmUpload, type PreparedUpload } from '../src/db/ingest-pipeline'
import { prepareWorkbookGroup } from '../src/db/ingest-workbook'
import type { NodeEngine } from '../src/db/node'
import { readBatch } from '../src/ingest/xlsx/batch'
import { loadEmbeddedData } from './support/embedded'
import { must, query, startEngineWithSchema } from './support/engine'
import { buildWorkbook, type FixtureCell, monthlyReportRows } from './support/workbooks'

let engine: NodeEngine
let session: IngestSession

beforeAll(async () => {
  engine = await startEngineWithSchema()
  await loadEmbeddedData(engine)
  session = await openIngestSession(engine.db)
})
afterAll(async () => {
  await engine?.terminate()
})

async function stageBooks(files: { name: string; bytes: Uint8Array }[]): Promise<PreparedUpload> {
  const batch = await readBatch(files)
  const failed = batch.files.find((f) => f.error)
  if (failed) throw new Error(failed.error!)
  const r = await prepareWorkbookGroup(session, batch, 0)
  if (!r.ok) throw new Error(r.error)
  return r.value
}

const count = async (sql: string) => Number((await query<{ n: number }>(engine, sql))[0]!.n)

describe('a monthly report as the office receives it', () => {
  it('loads the month for the points named in Chinese, in 万元, the 累计 column and the 合计 row left out', async () => {
    const bytes = await buildWorkbook([{ name: 'Sheet1', rows: monthlyReportRows() }])
    const prepared = await stageBooks([{ name: '观察点月报表（2026年11月）.xlsx', bytes }])
    expect(prepared.plan.target).toMatchObject({ kind: 'table', table: { name: 'point_indicators' }, mode: 'append' })
    expect(prepared.report).toMatchObject({ rows: 2, failingRows: 0, issueCount: 0 })
    expect(prepared.report.notes?.[0]).toContain('信川汽车部件（太仓）有限公司 → P01')
    const committed = await confirmUpload(session, prepared, true)
    expect(committed.ok).toBe(true)
    const rows = await query<Record<string, unknown>>(
      engine,
      `SELECT point_id, output_value, tax, capacity_utilization FROM point_indicators WHERE period = '2026-11' ORDER BY point_id`,
    )
    expect(rows).toEqual([
      { point_id: 'P01', output_value: 12345, tax: 688, capacity_utilization: 85.3 },
      { point_id: 'P02', output_value: 8219, tax: 416, capacity_utilization: 91.8 },
    ])
    await must(engine, `DELETE FROM point_indicators WHERE period = '2026-11'`)
  })

  it('names the sheet, the Excel row, the column letter and the header of every problem', async () => {
    const rows: FixtureCell[][] = [
      [{ value: '观察点主要指标（2031年10月）', columnSpan: 4 }, null, null, null],
      [{ value: '单位：万元', columnSpan: 4 }, null, null, null],
      ['月份', '企业名称', '产值', '纳税额'],
    ]
    for (let i = 0; i < 12; i++)
      rows.push(['2031年10月', `P${String(i + 2).padStart(2, '0')}`, 1000 + i, i === 8 ? '十二' : 40 + i])
    rows[5]![1] = '东方红机械厂'
    rows[6]![1] = '材料公司'
    const prepared = await stageBooks([{ name: '十月.xlsx', bytes: await buildWorkbook([{ name: '十月', rows }]) }])
    const listed = prepared.report.issues.map((i) => [i.place, i.problem, i.value])
    expect(listed).toEqual([
      [
        '「十月」第6行 B列「企业名称」',
        expect.stringMatching(/^在观察点名单中找不到这个编号或名称；最接近的：.*P02 天德精密机械有限公司/),
        '东方红机械厂',
      ],
      [
        '「十月」第7行 B列「企业名称」',
        expect.stringMatching(
          /^「材料公司」与观察点名单中的多个名称相符：.*P06 华盛新材料科技有限公司.*；请改填编号或全称$/,
        ),
        '材料公司',
      ],
      ['「十月」第12行 D列「纳税额」', '无法识别为数字', '十二'],
    ])
    expect(prepared.report).toMatchObject({ rows: 12, failingRows: 3 })
    await discardStage(session)
  })

  it('fails the row of a formula without a cached value instead of loading its text', async () => {
    const rows: FixtureCell[][] = [
      ['月份', '观察点编号', '产值（万元）'],
      ['2031-09', 'P01', 100],
      ['2031-09', 'P02', { value: 'C2*2', type: 'Formula' }],
    ]
    const prepared = await stageBooks([{ name: 'f.xlsx', bytes: await buildWorkbook([{ name: 'S', rows }]) }])
    expect(prepared.report.issues.map((i) => [i.place, i.value])).toEqual([['「S」第3行 C列「产值（万元）」', '=C2*2']])
    expect(prepared.report.issues[0]!.problem).toContain('公式没有计算结果')
    const committed = await confirmUpload(session, prepared, true)
    expect(committed.ok).toBe(true)
    expect(await count(`SELECT count(*) AS n FROM point_indicators WHERE period = '2031-09'`)).toBe(1)
    await must(engine, `DELETE FROM point_indicators WHERE period = '2031-09'`)
  })
})

describe('names instead of codes in a list of points', () => {
  it('resolves clusters and towns by name and short name, and lists an unknown town with the closest ones', async () => {
    const rows: FixtureCell[][] = [
      ['观察点编号', '企业名称', '产业集群', '所在镇区', '设立日期'],
      [
        'P01',
        '信川汽车部件（太仓）有限公司',
        '高端装备',
        '高新区',
        { value: new Date('2024-04-18'), format: 'yyyy-mm-dd' },
      ],
      ['P02', '天德精密机械有限公司', '高端装备', '城厢镇', '2024-04-18'],
      ['P06', '华盛新材料科技有限公司', '先进材料', '港区', 46131],
      ['P10', '弘德国际物流有限公司', '现代物贸', '新港镇', '2024/4/18'],
    ]
    const prepared = await stageBooks([
      { name: '观察点名单.xlsx', bytes: await buildWorkbook([{ name: '名单', rows }]) },
    ])
    expect(prepared.plan.target).toMatchObject({ table: { name: 'observation_points' } })
    expect(prepared.report.issues.map((i) => [i.place, i.value])).toEqual([['「名单」第5行 D列「所在镇区」', '新港镇']])
    expect(prepared.report.notes).toEqual([
      expect.stringContaining('「产业集群」列中的 3 个名称已按「产业集群」表换成编号'),
      expect.stringContaining('港区 → port'),
    ])
    await discardStage(session)
  })
})

describe('several workbooks at once', () => {
  it('makes one upload of three points’ reports, each problem naming its file', async () => {
    const book = (name: string, value: FixtureCell) =>
      buildWorkbook([
        {
          name: '月报',
          rows: [
            [{ value: '观察点月报表（2031年8月）', columnSpan: 3 }, null, null],
            ['企业名称', '产值（万元）', '纳税额（万元）'],
            [name, value, 12],
          ],
        },
      ])
    const prepared = await stageBooks([
      { name: 'P01.xlsx', bytes: await book('信川汽车部件（太仓）有限公司', 100) },
      { name: 'P02.xlsx', bytes: await book('天德精密机械', 200) },
      { name: 'P03.xlsx', bytes: await book('泓峰智能装备', '三百') },
    ])
    expect(prepared.report.rows).toBe(3)
    expect(prepared.report.issues.map((i) => i.place)).toEqual(['「P03.xlsx」「月报」第3行 B列「产值（万元）」'])
    const committed = await confirmUpload(session, prepared, true)
    expect(committed.ok).toBe(true)
    expect(
      await query(engine, `SELECT point_id, output_value FROM point_indicators WHERE period = '2031-08' ORDER BY 1`),
    ).toEqual([
      { point_id: 'P01', output_value: 100 },
      { point_id: 'P02', output_value: 200 },
    ])
    await must(engine, `DELETE FROM point_indicators WHERE period = '2031-08'`)
  })
})

describe('workbooks that cannot be read', () => {
  const messageOf = async (name: string, bytes: Uint8Array) => (await readBatch([{ name, bytes }])).files[0]!.error

  it('tells an old .xls, a WPS .et and an encrypted workbook apart, and says how to save as .xlsx', async () => {
    const cfb = (stream: string) => {
      const b = new Uint8Array(2048)
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
      for (let i = 0; i < stream.length; i++) b[1024 + i * 2] = stream.charCodeAt(i)
      return b
    }
    expect(await messageOf('旧表.xls', cfb('Workbook'))).toContain('旧版 Excel 97-2003 工作簿（.xls）')
    expect(await messageOf('旧表.xls', cfb('Workbook'))).toContain('Excel 工作簿（*.xlsx）')
    expect(await messageOf('报表.et', cfb('Workbook'))).toContain('WPS 表格格式（.et）')
    expect(await messageOf('加密.xlsx', cfb('EncryptedPackage'))).toContain('设置了打开密码的加密工作簿')
    expect(await messageOf('网页.xls', strToU8('<html><table><tr><td>1</td></tr></table></html>'))).toContain('网页')
  })

  it('refuses a truncated workbook, a zip bomb before inflating it, and a part inflating past what it declared', async () => {
    const good = await buildWorkbook([
      {
        name: 'S',
        rows: [
          ['a', 'b'],
          [1, 2],
        ],
      },
    ])
    expect(await messageOf('半个.xlsx', good.slice(0, good.length - 40))).toContain('文件不完整或已损坏')
    const bomb = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': new Uint8Array(30 * 1024 * 1024),
    })
    expect(await messageOf('炸弹.xlsx', bomb)).toContain('压缩炸弹')
    // The same, its directory claiming the part is small: stopped while inflating.
    const lying = bomb.slice()
    const view = new DataView(lying.buffer)
    for (let i = lying.length - 22; i > 0; i--) {
      if (view.getUint32(i, true) !== 0x02014b50) continue
      const nameLength = view.getUint16(i + 28, true)
      const name = new TextDecoder().decode(lying.subarray(i + 46, i + 46 + nameLength))
      if (name === 'xl/worksheets/sheet1.xml') view.setUint32(i + 24, 4096, true)
    }
    expect(await messageOf('炸弹2.xlsx', lying)).toContain('比它声明的大小还大')
  })

  it('refuses a sheet of more rows than the limit, and keeps HTML in names and cells as text', async () => {
    const rows = Array.from({ length: 500_200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`)
    const big = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="大表" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`),
    })
    expect(await messageOf('大表.xlsx', big)).toContain('超过 500,000 行的上限')
    const html = '<img src=x onerror=alert(1)>'
    const batch = await readBatch([
      {
        name: 'h.xlsx',
        bytes: await buildWorkbook([
          {
            name: 'x',
            rows: [
              ['名称', html],
              [html, 1],
            ],
          },
        ]),
      },
    ])
    expect(batch.groups[0]!.headers).toEqual(['名称', html])
    expect(batch.groups[0]!.sample[0]).toEqual([html, '1'])
  })
})

describe('a big CSV with Chinese on every line', () => {
  it('is not called broken because its first 256 KB end inside a character', async () => {
    const { prepareUpload } = await import('../src/db/ingest-pipeline')
    // 9 bytes of header, then lines of 33 bytes: byte 262,144 falls inside a character.
    const lines = ['h,名称']
    for (let i = 0; i < 12_000; i++) lines.push(`x,${'名'.repeat(10)}`)
    const r = await prepareUpload(session, new TextEncoder().encode(lines.join('\n') + '\n'), '大.csv', {
      decisions: { target: { kind: 'adhoc', name: '大表' } },
    })
    if (!r.ok) throw new Error(r.error)
    expect(r.value.report.rows).toBe(12_000)
    await discardStage(session)
  })
})

describe('a big picked CSV (a File) with Chinese on every line', () => {
  it('is detected as UTF-8 from its first bytes, not as windows-1252', async () => {
    const { openInput } = await import('../src/db/ingest-pipeline')
    const { analyseFile } = await import('../src/ingest/analyse')
    const lines = ['h,名称']
    for (let i = 0; i < 12_000; i++) lines.push(`x,${'名'.repeat(10)}`)
    const opened = await openInput(new Blob([lines.join('\n') + '\n']))
    if (!opened.ok) throw new Error(opened.error)
    const analysed = analyseFile(opened.value.head)
    expect(analysed.ok && [analysed.value.encoding, analysed.value.rawHeaders]).toEqual(['utf-8', ['h', '名称']])
  })
})
