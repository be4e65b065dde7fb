// Start-up: navigation start → duckdb-ready, data-ready, app-ready over cold loads of the
// production build, and of a second visit in the same profile; bundle sizes; wasm files
// fetched per visit.
import { waitForMark } from '../tests/e2e/support/marks'
import { launchChromium } from '../tests/support/chromium'
import { assetsMatching, initialJs } from './lib/bundle'
import { describe, summarize } from './lib/stats'

/** How long the first visit stays open before the second. */
const SETTLE_MS = 8000

export async function startup({ url, runs }: { url: string; runs: number }) {
  const samples: Record<
    | 'duckdbReady'
    | 'dataReady'
    | 'appReady'
    | 'appReadyAfterDuckdb'
    | 'wasmPerVisit'
    | 'againDuckdbReady'
    | 'againAppReady'
    | 'againAppReadyAfterDuckdb',
    number[]
  > = {
    duckdbReady: [],
    dataReady: [],
    appReady: [],
    appReadyAfterDuckdb: [],
    wasmPerVisit: [],
    againDuckdbReady: [],
    againAppReady: [],
    againAppReadyAfterDuckdb: [],
  }
  let version = 'unknown'
  for (let i = 0; i < runs; i++) {
    const browser = await launchChromium()
    // finally: a load that times out must not leave Chromium and its profile behind.
    try {
      version = browser.version
      const page = await browser.context.newPage()
      const wasm: string[] = []
      page.on('request', (r) => {
        if (/\.wasm($|\?)/.test(r.url())) wasm.push(r.url())
      })
      await page.goto(url)
      const appReady = await waitForMark(page, 'app-ready')
      const dataReady = await waitForMark(page, 'data-ready')
      const duckdbReady = await waitForMark(page, 'duckdb-ready')
      samples.duckdbReady.push(duckdbReady)
      samples.dataReady.push(dataReady)
      samples.appReady.push(appReady)
      samples.appReadyAfterDuckdb.push(appReady - duckdbReady)
      samples.wasmPerVisit.push(wasm.length)
      // A second visit in the same profile, once the browser has had time to keep the
      // compiled engine with its cached file (it does so a few seconds after a start-up).
      await page.waitForTimeout(SETTLE_MS)
      await page.goto(`${url}?visit=2`)
      const againApp = await waitForMark(page, 'app-ready')
      const againDuckdb = await waitForMark(page, 'duckdb-ready')
      samples.againDuckdbReady.push(againDuckdb)
      samples.againAppReady.push(againApp)
      samples.againAppReadyAfterDuckdb.push(againApp - againDuckdb)
    } finally {
      await browser.close()
    }
  }
  const metrics = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)])) as Record<
    keyof typeof samples,
    ReturnType<typeof summarize>
  >
  const js = initialJs()
  const bundle = {
    initialJsGzipBytes: js.gzipBytes,
    initialJsBytes: js.bytes,
    initialJsFiles: js.files,
    wasm: assetsMatching(/\.wasm$/),
    workers: assetsMatching(/worker.*\.js$/),
  }
  const targets = {
    appReadyWithin300msOfDuckdb: metrics.appReadyAfterDuckdb.median <= 300,
    initialJsUnder350KB: js.gzipBytes <= 350 * 1024,
    oneWasmPerVisit: metrics.wasmPerVisit.max === 1,
  }

  console.log(`\nStart-up, ${runs} cold loads at 1920×1080 (median, min–max):`)
  console.table({
    'navigation → duckdb-ready': describe(metrics.duckdbReady),
    'navigation → data-ready': describe(metrics.dataReady),
    'navigation → app-ready': describe(metrics.appReady),
    'duckdb-ready → app-ready': describe(metrics.appReadyAfterDuckdb),
    'wasm files per visit': describe(metrics.wasmPerVisit, ''),
  })
  console.log(`Second visit, same profile, ${SETTLE_MS / 1000} s after the first (not a target):`)
  console.table({
    'navigation → duckdb-ready': describe(metrics.againDuckdbReady),
    'navigation → app-ready': describe(metrics.againAppReady),
    'duckdb-ready → app-ready': describe(metrics.againAppReadyAfterDuckdb),
  })
  console.log('Bundle:')
  console.table({
    'initial JS (gzip)': `${(js.gzipBytes / 1024).toFixed(1)} KB in ${js.files.length} file(s)`,
    ...Object.fromEntries(
      bundle.wasm.map((w) => [
        w.file,
        `${(w.bytes / 1048576).toFixed(1)} MB, ${(w.gzipBytes / 1048576).toFixed(1)} MB gzip`,
      ]),
    ),
    ...Object.fromEntries(
      bundle.workers.map((w) => [
        w.file,
        `${(w.bytes / 1024).toFixed(0)} KB, ${(w.gzipBytes / 1024).toFixed(0)} KB gzip`,
      ]),
    ),
  })
  console.log('Targets:')
  console.table({
    'app-ready ≤ duckdb-ready + 300 ms (median)': targets.appReadyWithin300msOfDuckdb ? 'PASS' : 'MISS',
    'initial JS ≤ 350 KB gzip': targets.initialJsUnder350KB ? 'PASS' : 'MISS',
    'one DuckDB wasm per visit': targets.oneWasmPerVisit ? 'PASS' : 'MISS',
  })
  return { chromium: version, runs, metrics, bundle, targets }
}
