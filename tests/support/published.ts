/**
 * Bodies for the publish API, made as the app makes them: a registry table's rows as an
 * Arrow stream with the registry's columns, DuckDB's types and the row count in the schema
 * (tableArrowStream, through the same ArrowMaker the build uses), from the embedded CSV
 * with lines added or changed. Ad-hoc tables are made with apache-arrow directly.
 */
import { RecordBatch, Schema, Table, tableFromArrays, tableToIPC } from 'apache-arrow'

import { ArrowMaker } from '../../scripts/arrow-maker'
import { ARROW_ROWS_KEY } from '../../src/db/load-table'
import { readDataFile } from './embedded'

/** The embedded CSV's lines (header first). */
export function csvLines(table: string): string[] {
  return new TextDecoder()
    .decode(readDataFile(`${table}.csv`))
    .trimEnd()
    .split('\n')
}

/** One month of indicators for the 19 embedded points, e.g. '2026-11'. */
export function monthOfIndicators(period: string, points = 19): string[] {
  return Array.from({ length: points }, (_, i) => {
    const id = `P${String(i + 1).padStart(2, '0')}`
    return `${period},${id},${1000 + i}.50,${1100 + i}.00,40.00,12.30,${200 + i},0.00,900.00,5.00,80.5`
  })
}

export class Bodies {
  private readonly maker = new ArrowMaker()

  /** A registry table's stream from CSV lines (header included). */
  registry(table: string, lines: readonly string[]): Promise<Uint8Array> {
    return this.maker.mustMake(table, `${lines.join('\n')}\n`)
  }

  /** The embedded table plus `extra` lines, with `replace` (1-based line of the CSV → text) applied. */
  embeddedWith(table: string, extra: readonly string[] = [], replace: Readonly<Record<number, string>> = {}) {
    const lines = [...csvLines(table), ...extra]
    for (const [line, text] of Object.entries(replace)) lines[Number(line) - 1] = text
    return this.registry(table, lines)
  }

  close(): Promise<void> {
    return this.maker.close()
  }
}

/** An ad-hoc table's stream: columns by name, the row count in the schema as the app writes it. */
export function adhocBody(columns: Record<string, readonly (string | number | null)[]>): Uint8Array {
  const table = tableFromArrays(
    Object.fromEntries(
      Object.entries(columns).map(([name, values]) => [
        name,
        typeof values.find((v) => v !== null) === 'number' ? Float64Array.from(values as number[]) : values,
      ]),
    ) as Parameters<typeof tableFromArrays>[0],
  )
  const schema = new Schema(table.schema.fields, new Map([[ARROW_ROWS_KEY, String(table.numRows)]]))
  return tableToIPC(
    new Table(
      schema,
      table.batches.map((b) => new RecordBatch(schema, b.data)),
    ),
    'stream',
  )
}
