import { TABLES } from './registry'
import type { TableDef } from './schema'

/**
 * URLs of the embedded tables, as the build emits them (hashed assets, same origin): each
 * CSV in data/ goes into the build as an Arrow stream of its table (scripts/embedded-data.ts).
 * A file missing at build time simply has no URL, and its table reports that.
 */
const urls = import.meta.glob('../../data/*.csv', {
  query: '?embedded-arrow',
  import: 'default',
  eager: true,
}) as Record<string, string>

const urlByFile = new Map(Object.entries(urls).map(([path, url]) => [path.split('/').pop()!, url]))

export function embeddedUrl(table: TableDef): string | undefined {
  return urlByFile.get(`${table.name}.csv`)
}

export function embeddedTables(): readonly TableDef[] {
  return TABLES
}
