/**
 * What an upload makes of its bytes: a file that is not text is refused (不是文本文件), and the
 * encoding is the most plausible reading — a UTF-8 file with one bad byte stays UTF-8 (the line
 * is reported), short German windows-1252 stays windows-1252, a long valid Chinese cell is no
 * encoding problem. Pure functions, then the upload path against a real DuckDB.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type IngestSession, openIngestSession } from '../src/db/ingest'
import { confirmUpload, prepareUpload } from '../src/db/ingest-pipeline'
import type { NodeEngine } from '../src/db/node'
import { isBinary, sniffBinary } from '../src/ingest/binary'
import { detectEncoding, weighFileEncoding } from '../src/ingest/encoding'
import { DATA_DIR } from './support/embedded'
import { insertRows, must, query, startEngineWithSchema } from './support/engine'
import { encodeGb18030, encodeUtf16le } from './support/gb18030'

const utf8 = (s: string) => new TextEncoder().encode(s)
/** windows-1252 for Latin-1 text: one byte per character. */
const cp1252 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
/** Bytes no text has, the same every run. */
function noise(n: number): Uint8Array {
  const out = new Uint8Array(n)
  let x = 12345
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24
  return out
}
const PNG = new Uint8Array(readFileSync(path.resolve(__dirname, '../docs/img/overview.png')))
const JPEG = concat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), utf8('JFIF\0'), noise(2000))
const PDF = utf8('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n')
const XLS = concat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), new Uint8Array(504))
const ZIP = concat(utf8('PK\x03\x04'), noise(3000))

describe('not a text file', () => {
  it('is told by its signature: PNG, JPEG, GIF, PDF, old Office', () => {
    expect(sniffBinary(PNG)?.message).toMatch(/^不是文本文件：这是一个PNG 图片/)
    expect(sniffBinary(JPEG)?.format).toBe('JPEG 图片')
    expect(sniffBinary(utf8('GIF89a\x01\x00'))?.format).toBe('GIF 图片')
    expect(sniffBinary(PDF)?.format).toBe('PDF 文档')
    expect(sniffBinary(XLS)?.message).toContain('另存为 .xlsx 或 CSV')
  })

  it('is told by its control bytes when it has no signature', () => {
    const verdict = sniffBinary(noise(8192))
    expect(verdict?.format).toBeNull()
    expect(verdict?.message).toMatch(/^不是文本文件：开头 8 KB 中有 \d+% 是控制字符/)
  })

  it('leaves a ZIP to the workbook reader (an .xlsx is one), and text of every kind alone', () => {
    expect(isBinary(ZIP)).toBe(false)
    expect(isBinary(encodeUtf16le('月份,产值\n2025-03,1\n'))).toBe(false)
    expect(isBinary(encodeUtf16le('period,output\n2025-03,1\n', false))).toBe(false)
    expect(isBinary(encodeGb18030('月份,产值\n2025年3月,1\n'))).toBe(false)
    expect(isBinary(cp1252('Name;Ort\nMüller;Köln\n'))).toBe(false)
    // NUL padding at the end (a fixed-size export) and a stray NUL are not binary.
    expect(isBinary(concat(utf8('a,b\n1,2\n'), new Uint8Array(4000)))).toBe(false)
    expect(isBinary(utf8('a,b\n1,\u00002\n3,4\n5,6\n'))).toBe(false)
    for (const file of readdirSync(DATA_DIR).filter((f) => f.endsWith('.csv')))
      expect(isBinary(new Uint8Array(readFileSync(path.join(DATA_DIR, file)))), file).toBe(false)
  })
})

describe('the encoding, weighed', () => {
  it('keeps short German windows-1252 as windows-1252 (not GB18030: "Müller" is not "M黮ler")', () => {
    expect(detectEncoding(cp1252('Name;Ort\nMüller;Köln\n')).encoding).toBe('windows-1252')
    expect(detectEncoding(cp1252('Müller')).encoding).toBe('windows-1252')
    expect(detectEncoding(cp1252('Straße;Größe;Café\nÄrger;Öl;Übel\n')).encoding).toBe('windows-1252')
  })

  it('still reads Chinese Excel output as GB18030, and shows each reading’s sample line', () => {
    const r = weighFileEncoding(encodeGb18030('月份,观察点编号,产值（万元）\n2025年3月,P01,1\n'))
    expect(r.encoding).toBe('gb18030')
    expect(r.candidates.map((c) => c.encoding)).toEqual(['gb18030', 'windows-1252', 'utf-8'])
    expect(r.candidates[0]!.sampleLine).toBe('月份,观察点编号,产值（万元）')
    expect(r.candidates[1]!.sampleLine).not.toContain('月份')
    const german = weighFileEncoding(cp1252('Name;Ort\nMüller;Köln\n'))
    expect(german.candidates.map((c) => [c.encoding, c.sampleLine])).toEqual([
      ['windows-1252', 'Müller;Köln'],
      ['gb18030', 'M黮ler;K鰈n'],
      ['utf-8', 'M�ller;K�ln'],
    ])
  })

  it('keeps UTF-8 when one byte of an otherwise valid file is bad, and names its line', () => {
    const lines = ['月份,观察点编号,产值（万元）', ...Array.from({ length: 30 }, (_, i) => `2025-03,P${i},${i}`)]
    const bytes = utf8(lines.join('\n') + '\n')
    const at = bytes.indexOf(0x0a, bytes.indexOf(utf8('P13')[0]!, utf8(lines.slice(0, 14).join('\n')).length)) - 1
    bytes[at] = 0xff
    const r = weighFileEncoding(bytes)
    expect(r.encoding).toBe('utf-8')
    expect(r.invalid).toEqual({ count: 1, lines: [15] })
  })

  it('does not call a sample that ends inside a long Chinese cell broken', () => {
    const big = utf8('名'.repeat(100_000))
    expect(detectEncoding(big).encoding).toBe('utf-8')
    expect(weighFileEncoding(big).invalid.count).toBe(0)
  })
})

describe('through the upload path', () => {
  let engine: NodeEngine
  let session: IngestSession
  beforeAll(async () => {
    engine = await startEngineWithSchema()
    session = await openIngestSession(engine.db)
    await insertRows(
      engine,
      'observation_points',
      Array.from({ length: 40 }, (_, i) => `P${String(i).padStart(2, '0')}`).map((id) => ({
        point_id: id,
        name: id,
        cluster_id: 'equipment',
        town_id: 'hitech',
        established_on: '2024-04-18',
      })),
    )
  })
  afterAll(async () => {
    await engine?.terminate()
  })

  it('refuses a PNG renamed .csv, and a random file, with 不是文本文件', async () => {
    for (const [bytes, name] of [
      [PNG, 'overview.csv'],
      [noise(20000), 'noise.csv'],
      [PDF, 'report.csv'],
    ] as const) {
      const r = await prepareUpload(session, bytes.slice(), name)
      expect(r.ok, name).toBe(false)
      if (!r.ok) expect(r.error, name).toMatch(/^不是文本文件/)
    }
    const tables = await query<{ n: number }>(
      engine,
      "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE '上传_%'",
    )
    expect(tables[0]!.n).toBe(0)
  })

  it('loads a UTF-8 sheet with one bad byte as UTF-8: its Chinese header still maps, the line is named', async () => {
    await must(engine, 'DELETE FROM point_indicators')
    const rows = Array.from({ length: 30 }, (_, i) => `2025-03,P${String(i).padStart(2, '0')},${100 + i}`)
    const text = ['月份,观察点编号,产值（万元）', ...rows].join('\n') + '\n'
    const bytes = utf8(text)
    // Line 15 (P13) gets a stray 0xFF in its number.
    const line15 = utf8(['月份,观察点编号,产值（万元）', ...rows.slice(0, 13)].join('\n') + '\n2025-03,P13,1').length
    bytes[line15] = 0xff
    const prepared = await prepareUpload(session, bytes, '一个坏字节.csv')
    if (!prepared.ok) throw new Error(prepared.error)
    expect(prepared.value.analysis.encoding).toBe('utf-8')
    expect(prepared.value.analysis.headers).toEqual(['月份', '观察点编号', '产值（万元）'])
    expect(prepared.value.analysis.invalidBytes).toEqual({ count: 1, lines: [15] })
    expect(prepared.value.plan.target.kind === 'table' && prepared.value.plan.target.table.name).toBe(
      'point_indicators',
    )
    const committed = await confirmUpload(session, prepared.value, true)
    if (!committed.ok) throw new Error(committed.error)
    // The bad cell is reported as not a number and skipped; the other 29 rows are in.
    expect(committed.value.rows).toBe(29)
  })

  it('treats a 10 MB Chinese cell as a long line, like a 10 MB ASCII cell, never as an encoding problem', async () => {
    const outcome = async (cell: string) => {
      const r = await prepareUpload(session, utf8(`名称,说明\n甲,${cell}\n乙,短\n`), 'long.csv')
      return r.ok ? { ok: true, issues: r.value.report.issues.map((i) => i.problem) } : { ok: false, error: r.error }
    }
    const chinese = await outcome('名'.repeat(3_500_000))
    const ascii = await outcome('x'.repeat(10_500_000))
    expect(JSON.stringify(chinese)).not.toMatch(/编码|无法识别的字符/)
    // The same outcome, the same message (only the quoted start of the line differs).
    const gist = (o: typeof chinese) => JSON.stringify(o).replace(/该行内容：[^"]*/g, '')
    expect(gist(chinese)).toBe(gist(ascii))
    expect(JSON.stringify(chinese)).toContain('单行过长')
  }, 60_000)
})
