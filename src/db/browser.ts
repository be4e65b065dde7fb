import * as duckdb from '@duckdb/duckdb-wasm'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
// Vite copies these into the build and hands us their URLs: nothing comes from a CDN.
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'

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
 * DuckDB's worker, started from a few lines of ours that load its script (the way
 * DuckDB-WASM's own README starts its worker from another origin). When a worker has a
 * TransformStream, DuckDB-WASM pipes the wasm download through one to report progress
 * (which we do not ask for) and compiles from a Response built on that stream; such a
 * Response has no URL, so the browser cannot keep the compiled engine with its cached
 * file. Without one it compiles straight from `fetch(url)`, its other path, and a later
 * visit starts with the engine already compiled (README: measured performance). Nothing
 * else in DuckDB's worker uses TransformStream; the note it logs about the missing
 * progress handler is dropped.
 */
export function engineWorkerSource(workerScriptUrl: string): string {
  return [
    'self.TransformStream = undefined;',
    'const warn = console.warn.bind(console);',
    "console.warn = (...a) => { if (!(typeof a[0] === 'string' && a[0].startsWith('instantiating without progress handler'))) warn(...a); };",
    `importScripts(${JSON.stringify(workerScriptUrl)});`,
  ].join('\n')
}

/**
 * Starts DuckDB-WASM in a Web Worker. selectBundle picks exactly one bundle for this
 * browser, so only one wasm file is downloaded per visit.
 */
export async function startBrowserEngine(): Promise<BrowserEngine> {
  const bundle = await duckdb.selectBundle(BUNDLES)
  // The worker's own address is a blob: one, so every address it is given must be absolute.
  const absolute = (url: string) => new URL(url, location.href).href
  const source = URL.createObjectURL(
    new Blob([engineWorkerSource(absolute(bundle.mainWorker!))], { type: 'text/javascript' }),
  )
  const worker = new Worker(source)
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
  try {
    await db.instantiate(absolute(bundle.mainModule), bundle.pthreadWorker)
  } finally {
    URL.revokeObjectURL(source)
  }
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
