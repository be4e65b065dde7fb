import { describe, expect, it } from 'vitest'

import { adhocTableName, uniqueColumnNames } from '../src/ingest/columns'
import { detectEncoding } from '../src/ingest/encoding'
import { automaticTarget, suggestTargets } from '../src/ingest/mapping'
import { lineOfRow, reportCsv } from '../src/ingest/report'
import { parseRecords, sniffDialect } from '../src/ingest/sniff'
import { encodeGb18030, encodeUtf16le } from './support/gb18030'

const utf8 = (s: string) => new TextEncoder().encode(s)

describe('encoding from the bytes', () => {
  it('tells UTF-8 (with and without BOM), UTF-16 (with and without BOM) and GB18030 apart', () => {
    const text = '月份,产值\n2025年3月,1\n'
    expect(detectEncoding(utf8(text))).toEqual({ encoding: 'utf-8', bomLength: 0 })
    expect(detectEncoding(utf8('\uFEFF' + text))).toEqual({ encoding: 'utf-8', bomLength: 3 })
    expect(detectEncoding(encodeUtf16le(text))).toEqual({ encoding: 'utf-16le', bomLength: 2 })
    expect(detectEncoding(encodeUtf16le('period,output\n2025-03,1\n', false))).toEqual({
      encoding: 'utf-16le',
      bomLength: 0,
    })
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toEqual({ encoding: 'utf-16be', bomLength: 2 })
    expect(detectEncoding(encodeGb18030(text))).toEqual({ encoding: 'gb18030', bomLength: 0 })
  })

  it('does not call a UTF-8 file broken because the sample cut a character in half', () => {
    const big = utf8('名'.repeat(100_000))
    expect(detectEncoding(big).encoding).toBe('utf-8')
  })
})

describe('dialect sniffing', () => {
  it('finds comma, tab, semicolon and pipe, with quoted delimiters inside fields', () => {
    expect(sniffDialect('a,b,c\n"1,234.50",2,3\n4,5,6\n').delimiter).toBe(',')
    expect(sniffDialect('a\tb\n1\t2\n').delimiter).toBe('\t')
    expect(sniffDialect('a;b\n1,5;2\n').delimiter).toBe(';')
    expect(sniffDialect('a|b|c\n1|2|3\n').delimiter).toBe('|')
  })

  it('knows a header from a first data row', () => {
    expect(sniffDialect('月份,产值\n2025-03,1\n').hasHeader).toBe(true)
    expect(sniffDialect('2025-03,1\n2025-04,2\n').hasHeader).toBe(false)
  })

  it('skips notes above the table and sees decimal commas', () => {
    const d = sniffDialect('Report of March\nsource: partner\na;b;c\n1,5;2,25;3\n4,5;5;6\n')
    expect(d).toMatchObject({ delimiter: ';', skipLines: 2, hasHeader: true, fieldCount: 3, decimalComma: true })
  })
})

describe('names', () => {
  it('makes duplicate names unique without colliding with names already there', () => {
    expect(uniqueColumnNames(['a', 'b', 'a', 'a_1'])).toEqual(['a', 'b', 'a_2', 'a_1'])
    expect(uniqueColumnNames(['', '', 'x'])).toEqual(['列1', '列2', 'x'])
  })

  it('names an ad-hoc table after the file, distinct from tables that exist', () => {
    expect(adhocTableName('2025年3月 报表.csv', [])).toBe('上传_2025年3月_报表')
    expect(adhocTableName('a.csv', ['上传_a'])).toBe('上传_a_2')
  })
})

describe('target suggestion', () => {
  it('suggests the monthly indicators for a Chinese indicator sheet', () => {
    expect(automaticTarget(['月份', '观察点编号', '产值（万元）', '营业收入'])?.table.name).toBe('point_indicators')
  })
  it('suggests nothing for a file that matches no dataset', () => {
    expect(suggestTargets(['foo', 'bar'])).toEqual([])
  })
})

describe('the report', () => {
  it('counts lines the reader set aside before a row', () => {
    expect(lineOfRow(0, 2, [])).toBe(2)
    expect(lineOfRow(3, 2, [4])).toBe(6)
  })

  it('is a CSV with a BOM that Excel will not run as a formula', () => {
    const csv = reportCsv('x.csv', [
      { line: 3, column: '产值', problem: '无法识别为数字', value: '=HYPERLINK("x")', severity: 'row' },
    ])
    expect(csv).toBe(
      '\uFEFF文件,行号,列,问题,原值,处理\r\nx.csv,3,产值,无法识别为数字,"\'=HYPERLINK(""x"")",该行不导入\r\n',
    )
  })
})

describe('GB18030 to UTF-8', () => {
  it('gives the same text as a full decode, across block boundaries and Chinese in any block', async () => {
    const { gb18030ToUtf8 } = await import('../src/ingest/transcode')
    const lines = ['月份,企业名称,产值']
    for (let i = 0; i < 20_000; i++)
      lines.push(i % 997 === 0 ? `2025-03,信川汽车部件${i},${i}.5` : `2025-03,P${i},${i}.5`)
    const text = lines.join('\n') + '\n'
    const out = gb18030ToUtf8(encodeGb18030(text))
    expect(new TextDecoder().decode(out)).toBe(text)
  })

  it('leaves the lines DuckDB skips as they are, and hands on a sheet whose rows are all ASCII without a copy', async () => {
    const { gb18030ToUtf8, dataOffset } = await import('../src/ingest/transcode')
    const header = encodeGb18030('说明：单位万元\n月份,观察点编号,产值（万元）\n')
    const rows = (text: string) => new Uint8Array([...header, ...encodeGb18030(text)])
    const ascii = rows('2025-03,P01,1.5\n2025-03,P02,2.5\n')
    expect(gb18030ToUtf8(ascii, 2)).toBe(ascii)
    // Chinese in a row: the rows are decoded, the two skipped lines kept byte for byte.
    const chinese = rows('2025年3月,P01,1.5\n2025-03,P02,2.5\n')
    const out = gb18030ToUtf8(chinese, 2)
    expect(out.subarray(0, header.length)).toEqual(header)
    expect(new TextDecoder().decode(out.subarray(dataOffset(out, 2)!))).toBe('2025年3月,P01,1.5\n2025-03,P02,2.5\n')
    // Nothing skipped: everything is decoded, header included.
    expect(new TextDecoder().decode(gb18030ToUtf8(ascii))).toBe(
      '说明：单位万元\n月份,观察点编号,产值（万元）\n2025-03,P01,1.5\n2025-03,P02,2.5\n',
    )
    expect(dataOffset(ascii, 5)).toBeNull()
  })

  it('finds a high byte wherever it is, at any alignment, as a byte-by-byte look does', async () => {
    const { hasHighByte } = await import('../src/ingest/transcode')
    let seed = 3
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    const buffer = new Uint8Array(4096).map(() => 0x20 + rand(0x5f))
    for (let t = 0; t < 3000; t++) {
      const body = buffer.subarray(rand(7))
      const high = rand(3) === 0 ? -1 : rand(body.length)
      const saved = high >= 0 ? body[high]! : 0
      if (high >= 0) body[high] = 0x80 + rand(0x80)
      const start = rand(body.length)
      const end = start + rand(body.length - start + 1)
      const expected = body.subarray(start, end).some((b) => b >= 0x80)
      expect(hasHighByte(body, start, end)).toBe(expected)
      if (high >= 0) body[high] = saved
    }
  })
})

describe('what an upload does by default', () => {
  it('adds a month to a table kept month by month, and replaces a list', async () => {
    const { defaultMode } = await import('../src/ingest/plan')
    const { getTable } = await import('../src/datasets/registry')
    expect(defaultMode(getTable('point_indicators')!)).toBe('append')
    expect(defaultMode(getTable('project_progress')!)).toBe('append')
    expect(defaultMode(getTable('observation_points')!)).toBe('replace')
  })
})

describe('the sample parser', () => {
  /** The plain character-at-a-time reading of the same rules: what parseRecords must agree with. */
  function reference(text: string, delimiter: string, max: number) {
    const out: { line: number; cells: string[]; blank: boolean }[] = []
    let cells: string[] = []
    let cell = ''
    let inQuotes = false
    let line = 1
    let recordLine = 1
    const push = () => {
      cells.push(cell)
      out.push({ line: recordLine, cells, blank: cells.length === 1 && cells[0] === '' })
      cells = []
      cell = ''
    }
    for (let i = 0; i < text.length && out.length < max; i++) {
      const ch = text[i]!
      if (inQuotes) {
        if (ch === '"' && text[i + 1] === '"') {
          cell += '"'
          i++
        } else if (ch === '"') inQuotes = false
        else {
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++
          cell += ch
        }
      } else if (ch === '"' && cell.trim() === '') {
        inQuotes = true
        cell = ''
      } else if (ch === delimiter) {
        cells.push(cell)
        cell = ''
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++
        push()
        line++
        recordLine = line
      } else cell += ch
    }
    if (out.length < max && (cell !== '' || cells.length > 0)) push()
    return out
  }

  it('reads quotes, doubled quotes, line breaks in cells and every line ending as the plain reading does', () => {
    const pieces = [
      'a',
      '中文',
      ' ',
      '"',
      '""',
      ',',
      ';',
      '\t',
      '|',
      '\n',
      '\r',
      '\r\n',
      '1,234.50',
      '\\',
      ']',
      '^',
      '-',
    ]
    let seed = 1
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let t = 0; t < 3000; t++) {
      let text = ''
      for (let k = Math.floor(rand() * 40); k > 0; k--) text += pieces[Math.floor(rand() * pieces.length)]
      for (const delimiter of [',', ';', '\t', '|'])
        for (const max of [1, 3, 500])
          expect(parseRecords(text, delimiter, max)).toEqual(reference(text, delimiter, max))
    }
  })

  it('numbers records by the line they start on', () => {
    expect(parseRecords('a,b\n"x\ny",2\r\nlast,3', ',').map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', '2']],
      [4, ['last', '3']],
    ])
  })
})
