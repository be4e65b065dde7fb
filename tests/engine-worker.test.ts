import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import { describe, expect, it } from 'vitest'

import { engineWorkerSource } from '../src/db/browser'

const require = createRequire(import.meta.url)

/** Runs the worker's start-up lines against a stand-in worker scope; what they did to it. */
function runStartup(scriptUrl: string) {
  const warned: unknown[][] = []
  const imported: string[] = []
  const scope = { TransformStream: class {} as unknown, console: { warn: (...a: unknown[]) => warned.push(a) } }
  new Function('self', 'console', 'importScripts', engineWorkerSource(scriptUrl))(scope, scope.console, (url: string) =>
    imported.push(url),
  )
  return { scope, warned, imported }
}

describe("DuckDB's worker, started so the browser can cache the compiled engine", () => {
  it('hides TransformStream, drops only the note about the missing progress handler, then loads the script', () => {
    const url = 'http://127.0.0.1:4173/sub path/assets/duckdb-browser-eh.worker-x.js?a="b"'
    const { scope, warned, imported } = runStartup(url)
    expect(scope.TransformStream).toBeUndefined()
    expect(imported).toEqual([url])
    scope.console.warn('instantiating without progress handler since transform streams are unavailable')
    scope.console.warn('something else', 1)
    expect(warned).toEqual([['something else', 1]])
  })

  // The start-up above relies on how DuckDB-WASM instantiates: an upgrade that changes it
  // must be looked at again (it would still work, but the browser would compile the engine
  // on every visit again).
  it.each(['eh', 'mvp'])(
    "still finds DuckDB-WASM's %s worker choosing fetch(url) when there is no TransformStream",
    (bundle) => {
      const code = readFileSync(require.resolve(`@duckdb/duckdb-wasm/dist/duckdb-browser-${bundle}.worker.js`), 'utf8')
      const at = code.indexOf('if(typeof TransformStream=="function")')
      expect(at).toBeGreaterThan(0)
      const rest = code.slice(at, at + 2000)
      expect(rest).toMatch(/instantiating without progress handler since transform streams are unavailable/)
      expect(rest).toMatch(/WebAssembly\.instantiateStreaming\(fetch\(\w+\),\w+\)/)
      // And nothing else in the worker uses TransformStream.
      expect(code.match(/TransformStream/g)?.length).toBe(2)
    },
  )
})
