// Makes the Arrow stream of an embedded table from its CSV, on one DuckDB-WASM engine in Node
// started when first needed: for the build (scripts/embedded-data.ts), and for the tests and
// benchmarks that serve the app other data.
import { getTable, requireTable } from '../src/datasets/registry'
import type { TableDef } from '../src/datasets/schema'
import { embeddedCsvToArrow, type LoadFailure } from '../src/db/load-table'
import { type NodeEngine, startNodeEngine } from '../src/db/node'
import type { Result } from '../src/lib/result'

export class ArrowMaker {
  private engine: Promise<NodeEngine> | null = null

  /** The table's Arrow stream, its CSV read as loadCsvTable reads one; or why it cannot be. */
  async make(table: TableDef, csv: Uint8Array): Promise<Result<Uint8Array, LoadFailure>> {
    this.engine ??= startNodeEngine()
    const engine = await this.engine
    return embeddedCsvToArrow(engine.db, engine.connector, table, csv)
  }

  /** The same, for a table named by its registry name; throws with the reason if it cannot. */
  async mustMake(tableName: string, csv: string | Uint8Array): Promise<Uint8Array> {
    const made = await this.make(requireTable(tableName), typeof csv === 'string' ? new TextEncoder().encode(csv) : csv)
    if (!made.ok)
      throw new Error(`${tableName}: ${made.error.reason}${made.error.detail ? ` (${made.error.detail})` : ''}`)
    return made.value
  }

  async close(): Promise<void> {
    const engine = this.engine
    this.engine = null
    await (await engine)?.terminate()
  }
}

/** The registry's table whose embedded file this is (data/<table>.csv). */
export function tableOfFile(file: string): TableDef | undefined {
  return getTable(
    file
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.csv$/, '') ?? '',
  )
}
