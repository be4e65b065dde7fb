import { readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type IngestSession, openIngestSession } from '../src/db/ingest'
import { confirmUpload, prepareUpload } from '../src/db/ingest-pipeline'
import type { NodeEngine } from '../src/db/node'
import { query, startEngineWithSchema } from './support/engine'

/**
 * Every file of the peer corpus (DuckDB's and PapaParse's own test inputs, MIT; see
 * tests/fixtures/peer-csv/README.md) through the app's upload path: each loads with the
 * row count below, or is refused with a Chinese message. None crashes, hangs, or loads a
 * ragged file as one column.
 */
const DIR = path.join(import.meta.dirname, 'fixtures/peer-csv')
const manifest = readFileSync(path.join(DIR, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const [file, , , , category, expectation] = l.split('\t')
    return { file: file!, category: category!, expectation: expectation as 'load' | 'reject' | 'either' }
  })

/** Rows × columns for every file the manifest says must load. Where we differ from DuckDB's own reader, why: */
const LOADS: Record<string, [number, number]> = {
  'semicolon_delim.csv': [3, 3],
  'pipe_delim_quote.csv': [3, 3],
  'venue_pipe.csv': [202, 5],
  // A space-delimited file is one column (space is not a delimiter we sniff); its first line is kept as data.
  'file_field_delimiter_0x20.csv': [84, 1],
  'quoted_values_delimited.csv': [3, 1],
  '[avalon]_daily-avg.csv': [3, 3],
  'rfc_conform_quote.csv': [3, 3],
  'double_quoted_header.csv': [2, 2],
  'later_quotes.csv': [2049, 2],
  'quoted_newline.csv': [1, 1],
  // Rows of one and two fields tie: kept as one column, nothing dropped.
  'csv_quoted_newline_odd.csv': [2, 1],
  'new_line_string_rn.csv': [3, 4],
  // 10,000 one-line records and 100 of five lines: 10,100 records (DuckDB's 10,500 counts lines).
  'quotednewlines.csv': [10100, 2],
  'no_header.csv': [2, 3],
  'unnamed_columns.csv': [2, 13],
  'long-sample.csv': [8, 7],
  'utf8bom.csv': [2, 2],
  'utf-8-bom-sample.csv': [1, 3],
  'mixed_new_line.csv': [3, 3],
  'mixed_line_endings.csv': [3, 3],
  'lineitem-carriage.csv': [10, 16],
  // Blank lines are not rows.
  'windows_newline_empty.csv': [1, 1],
  'test_long_line.csv': [2, 3],
  'long_escaped_value_unicode.csv': [1, 3],
  'duplicate_header_col.csv': [2, 3],
  'duplicate_header_collision.csv': [2, 4],
  'duplicate_header_columns.csv': [2, 13],
  '16857.csv': [210, 26],
  'empty_header.csv': [2, 3],
  'missing_header_col.csv': [2, 3],
  'header_normalize.csv': [3, 5],
  'multi_column_quote.csv': [5, 3],
  'decimal_separators.csv': [5, 2],
  'comma_decimal_null.csv': [8, 28],
  'integer_exponent.csv': [3, 3],
  'big_number.csv': [1, 1],
  'leading_zeros.csv': [6, 8],
  'phonenumbers.csv': [3, 1],
  'time_date_timestamp_dd-mm-yy.csv': [3, 5],
  'time_date_timestamp_mm-dd-yyyy.csv': [3, 5],
  'mixed_dates.csv': [5, 2],
  'timestamp_timezone.csv': [8, 2],
  'dates_special_format.csv': [7, 1],
  'custom_date.csv': [2, 2],
  'ontime_sample.csv': [9, 110],
  'ncvoter.csv': [10, 94],
  'manycolumns.csv': [1, 101],
  // No header: three lines, three rows (the third has bare quotes mid-field, which are text).
  'bug_10273.csv': [3, 2],
  'greek_utf8.csv': [8, 3],
  'nfc.csv': [1, 1],
  'issue2628_中文.csv': [3, 2],
  'normalize_names_6.csv': [2, 3],
  'stat_stat_chars.csv': [115, 8],
  // The header's trailing comma names no column: four columns, like the data.
  'locations_header_trailing_comma.csv': [1, 4],
  'missing_many_col.csv': [2, 13],
  'simple.csv': [2, 2],
  'multiple_skip_row.csv': [1, 3],
  'test_comp.csv.gz': [2, 3],
  'concat.gz': [14, 13],
}

let engine: NodeEngine
let session: IngestSession
beforeAll(async () => {
  engine = await startEngineWithSchema()
  session = await openIngestSession(engine.db)
})
afterAll(async () => {
  await engine?.terminate()
})

type Outcome =
  { status: 'loaded'; rows: number; columns: number; table: string } | { status: 'rejected'; message: string }

async function upload(file: string): Promise<Outcome> {
  const bytes = new Uint8Array(readFileSync(path.join(DIR, file)))
  const prepared = await prepareUpload(session, bytes, file)
  if (!prepared.ok) return { status: 'rejected', message: prepared.error }
  const committed = await confirmUpload(session, prepared.value, true)
  if (!committed.ok) return { status: 'rejected', message: committed.error }
  const columns = await query<{ n: number }>(
    engine,
    `SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = '${committed.value.name.replace(/'/g, "''")}'`,
  )
  return { status: 'loaded', rows: committed.value.rows, columns: columns[0]!.n, table: committed.value.name }
}

describe('every peer CSV goes through the upload path', () => {
  for (const { file, expectation, category } of manifest) {
    it(`${file} (${category}, ${expectation})`, async () => {
      const outcome = await upload(file)
      if (expectation === 'reject') {
        expect(outcome.status).toBe('rejected')
        if (outcome.status === 'rejected') expect(outcome.message).toMatch(/[\u4e00-\u9fff]/)
      } else if (expectation === 'load') {
        expect(outcome).toMatchObject({ status: 'loaded', rows: LOADS[file]![0], columns: LOADS[file]![1] })
      } else if (outcome.status === 'rejected') {
        expect(outcome.message).toMatch(/[\u4e00-\u9fff]/)
      } else {
        expect(outcome.rows).toBeGreaterThan(0)
        // A ragged file keeps its columns: the bad rows are reported, not merged into one column.
        if (category === 'ragged-rows') expect(outcome.columns).toBeGreaterThan(1)
      }
    }, 30_000)
  }
})
