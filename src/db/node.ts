/**
 * DuckDB-WASM's Node build, for tests and scripts: the same engine and the same
 * Connector the browser uses, run through the `web-worker` shim (pinned to 1.2.0).
 */
import { createRequire } from 'node:module'
import path from 'node:path'

import * as duckdb from '@duckdb/duckdb-wasm'
import Worker from 'web-worker'

import { applySessionSettings, DuckDBConnector } from './duckdb-connector'

const require = createRequire(import.meta.url)

export interface NodeEngine {
  readonly db: duckdb.AsyncDuckDB
  readonly connector: DuckDBConnector
  terminate(): Promise<void>
}

export async function startNodeEngine(): Promise<NodeEngine> {
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'))
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  })
  const worker = new Worker(bundle.mainWorker!)
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker)
  await db.open({})
  const connector = await DuckDBConnector.open(db)
  await applySessionSettings(connector.connection)
  return {
    db,
    connector,
    async terminate() {
      await connector.close()
      await db.terminate()
      worker.terminate()
    },
  }
}
