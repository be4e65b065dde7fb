import { readFileSync } from 'node:fs'
import path from 'node:path'

import { requireTable, TABLES } from '../../src/datasets/registry'
import { loadCsvTable } from '../../src/db/load-table'
import type { NodeEngine } from '../../src/db/node'

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

/** An indicators CSV of 20 rows whose line 15 (the header is line 1) has the corrupt number 12O.5 (a letter O). */
export function corruptIndicatorsCsv(): Uint8Array {
  const lines = [
    requireTable('point_indicators')
      .columns.map((c) => c.name)
      .join(','),
  ]
  for (let i = 0; i < 20; i++) lines.push(`2026-0${(i % 9) + 1},P${i},100,,,,,,,,`)
  lines[14] = '2026-05,P13,12O.5,,,,,,,,'
  return new TextEncoder().encode(lines.join('\n') + '\n')
}
