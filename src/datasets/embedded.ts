import type { TableDef } from './schema'
import { TABLES } from './registry'

/**
 * URLs of the embedded CSVs in data/, as Vite emits them into the build (hashed assets,
 * same origin). A file missing at build time simply has no URL, and its table reports that.
 */
const urls = import.meta.glob('../../data/*.csv', { query: '?url', import: 'default', eager: true }) as Record<
  string,
  string
>

const urlByFile = new Map(Object.entries(urls).map(([path, url]) => [path.split('/').pop()!, url]))

export function embeddedUrl(table: TableDef): string | undefined {
  return urlByFile.get(`${table.name}.csv`)
}

export function embeddedTables(): readonly TableDef[] {
  return TABLES
}
