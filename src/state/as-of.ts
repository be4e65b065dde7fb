import { TABLES } from '../datasets/registry'
import type { CatalogSnapshot } from './catalog'

/**
 * The data's "as of" month: the latest month of the observation points' indicators, or of
 * any monthly table if those are missing. Everything "latest" on a page is relative to it.
 */
export function asOfPeriod(snapshot: CatalogSnapshot): string | null {
  const primary = snapshot.tables.point_indicators
  if (primary?.status === 'ready' && primary.latestPeriod) return primary.latestPeriod
  let latest: string | null = null
  for (const table of TABLES) {
    const t = snapshot.tables[table.name]
    if (table.periodColumn && t?.status === 'ready' && t.latestPeriod && (!latest || t.latestPeriod > latest))
      latest = t.latestPeriod
  }
  return latest
}
