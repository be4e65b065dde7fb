import { useEffect, useMemo, useState } from 'react'

import { groupByTable, LIVE_COLUMNS_SQL, type LiveColumn } from '../../explore/catalog-sql'
import { useCatalog } from '../../state/catalog'
import { useCoordinator } from '../../state/coordinator-context'

export type LiveCatalog =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | {
      readonly status: 'ready'
      readonly columns: readonly LiveColumn[]
      readonly tables: ReadonlyMap<string, LiveColumn[]>
    }

/**
 * The tables and columns in the database now, asked again whenever a table loads or
 * changes (an upload), so ad-hoc tables appear. `settled`: the embedded data has loaded, so
 * a table missing now is really missing.
 */
export function useLiveCatalog(): LiveCatalog & { readonly settled: boolean } {
  const coordinator = useCoordinator()
  const snapshot = useCatalog()
  const engineReady = snapshot.engine.status === 'ready'
  const signature = Object.entries(snapshot.tables)
    .map(([name, t]) => `${name}:${t.status === 'ready' ? t.revision : t.status}`)
    .join()
  const [state, setState] = useState<{ key: string; value: LiveCatalog } | null>(null)
  const key = `${engineReady}\u0000${signature}\u0000${snapshot.epoch}`
  useEffect(() => {
    if (!engineReady) return
    let live = true
    void coordinator.run<LiveColumn>(LIVE_COLUMNS_SQL).then((r) => {
      if (!live) return
      setState({
        key,
        value: r.ok
          ? { status: 'ready', columns: r.value, tables: groupByTable(r.value) }
          : { status: 'error', message: r.error.message },
      })
    })
    return () => {
      live = false
    }
  }, [coordinator, key, engineReady])
  const settled = snapshot.dataReady && state?.key === key
  // Keep showing the previous catalog while the new one comes: completion must not blink.
  const value = state?.value
  return useMemo(() => ({ ...(value ?? { status: 'loading' as const }), settled }), [value, settled])
}
