import * as duckdb from '@duckdb/duckdb-wasm'
// Vite copies these into the build and hands us their URLs: nothing comes from a CDN.
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import { applySessionSettings, DuckDBConnector } from './duckdb-connector'

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
}

export interface BrowserEngine {
  readonly db: duckdb.AsyncDuckDB
  readonly connector: DuckDBConnector
  /** Which bundle this browser got ('eh' or 'mvp'). */
  readonly bundle: string
  readonly worker: Worker
  /** Called if the worker dies with an uncaught error. */
  onCrash(listener: (reason: string) => void): void
  /** Ends the worker at once, without asking it (for a dead or hung engine). */
  kill(reason: string): void
  terminate(): Promise<void>
}

/**
 * Starts DuckDB-WASM in a Web Worker. selectBundle picks exactly one bundle for this
 * browser, so only one wasm file is downloaded per visit.
 */
export async function startBrowserEngine(): Promise<BrowserEngine> {
  const bundle = await duckdb.selectBundle(BUNDLES)
  const worker = new Worker(bundle.mainWorker!)
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker)
  await db.open({ query: { castBigIntToDouble: false } })
  const connector = await DuckDBConnector.open(db)
  await applySessionSettings(connector.connection)
  return {
    db,
    connector,
    bundle: bundle.mainModule === ehWasm ? 'eh' : 'mvp',
    worker,
    onCrash(listener) {
      worker.addEventListener('error', (e) => listener(`数据引擎异常退出：${e.message || '未知错误'}`))
    },
    kill(reason) {
      connector.kill(reason)
      worker.terminate()
    },
    async terminate() {
      await connector.close()
      await db.terminate()
      worker.terminate()
    },
  }
}
