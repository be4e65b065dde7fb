import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { NodeEngine } from '../../src/db/node'
import { loadCsvTable } from '../../src/db/load-table'
import { TABLES } from '../../src/datasets/registry'

export const DATA_DIR = path.resolve(__dirname, '../../data')

export function readDataFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(DATA_DIR, name)))
}

/** Loads every embedded CSV through the app's own loader; throws if any fails. */
export async function loadEmbeddedData(engine: NodeEngine, dir = DATA_DIR) {
  for (const table of TABLES) {
    const bytes = new Uint8Array(readFileSync(path.join(dir, `${table.name}.csv`)))
    const result = await loadCsvTable(engine.db, engine.connector, table, bytes)
    if (!result.ok) throw new Error(`${table.name}: ${result.error.reason} ${result.error.detail ?? ''}`)
  }
}
