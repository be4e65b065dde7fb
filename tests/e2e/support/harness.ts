import { afterAll, beforeAll } from 'vitest'

import type { NodeEngine } from '../../../src/db/node'
import type { SqlQuery } from '../../../src/queries/derived'
import { loadEmbeddedData } from '../../support/embedded'
import { query, startEngineWithSchema } from '../../support/engine'
import { launchBrowser, type Session } from './browser'

export interface PageHarness {
  /** DuckDB in Node with the embedded data: what the pages must show, from the same SQL builders. */
  readonly engine: NodeEngine
  /** Headless Chromium at 1920×1080 with a fresh profile. */
  readonly session: Session
  readonly rows: <T>(sql: string | SqlQuery) => Promise<T[]>
  readonly one: <T>(sql: string | SqlQuery) => Promise<T>
  readonly count: (sql: string) => Promise<number>
}

/**
 * The setup every page's browser test shares, registered as this file's beforeAll/afterAll:
 * the engine in Node with the embedded data, and a browser session. `chartHooks`: every page
 * of the session exposes its chart instances (see EChartImpl), for positions and options.
 */
export function usePageHarness(options: { readonly chartHooks?: boolean } = {}): PageHarness {
  let engine: NodeEngine | undefined
  let session: Session | undefined
  beforeAll(async () => {
    engine = await startEngineWithSchema()
    await loadEmbeddedData(engine)
    session = await launchBrowser({ width: 1920, height: 1080 })
    if (options.chartHooks) {
      await session.context.addInitScript(() => {
        ;(window as { __OBSERVATORY_TEST__?: boolean }).__OBSERVATORY_TEST__ = true
      })
    }
  })
  afterAll(async () => {
    await session?.close()
    await engine?.terminate()
  })
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test or a later hook`)
    return value
  }
  const rows = <T>(sql: string | SqlQuery) => query<T>(started(engine, 'the engine'), sql)
  const one = async <T>(sql: string | SqlQuery) => (await rows<T>(sql))[0]!
  return {
    get engine() {
      return started(engine, 'the engine')
    },
    get session() {
      return started(session, 'the browser')
    },
    rows,
    one,
    count: async (sql: string) => (await one<{ n: number }>(`SELECT count(*) AS n FROM (${sql})`)).n,
  }
}
