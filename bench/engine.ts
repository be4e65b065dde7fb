// The engine's share of the start-up: what the app asks DuckDB between `duckdb-ready` and
// `app-ready` (recorded on a cold load of the app), replayed on a fresh engine of its own in
// a page that draws nothing, twice. The first pass is the engine's cold cost as the app meets
// it; the second, the same work with every part of the engine it needs already compiled —
// a floor no page-side change can go below, set against #2's budget of 300 ms.
import { build } from 'vite'

import type { LoggedStatement } from '../src/db/statement-log'
import type { TestHooks } from '../src/lib/test-hooks'
import { waitForMark } from '../tests/e2e/support/marks'
import { launchChromium } from '../tests/support/chromium'
import { serveTempDir } from './lib/server'
import { describe, summarize } from './lib/stats'

const BUDGET_MS = 300

/** The statements a cold load of the app sends to the engine from `duckdb-ready` until `app-ready`. */
async function recordWorkload(url: string): Promise<{ work: LoggedStatement[]; gapMs: number }> {
  const browser = await launchChromium()
  try {
    // The test hooks' statement log (src/lib/test-hooks.ts), on from the first statement.
    await browser.context.addInitScript({
      content: 'window.__OBSERVATORY_TEST__ = true; window.__observatory = { statements: [] }',
    })
    const page = await browser.context.newPage()
    await page.goto(url)
    const appReady = await waitForMark(page, 'app-ready')
    const duckdbReady = await waitForMark(page, 'duckdb-ready')
    const all = await page.evaluate(() => (window as unknown as { __observatory: TestHooks }).__observatory.statements!)
    return { work: all.filter((s) => s.at >= duckdbReady && s.at <= appReady), gapMs: appReady - duckdbReady }
  } finally {
    await browser.close()
  }
}

/** The replay page, built with the app's own Vite configuration (same engine files, same embedded data). */
async function buildReplayPage(): Promise<{ url: string; close(): Promise<void> }> {
  const served = await serveTempDir('observatory-engine-replay-', async (outDir) => {
    await build({
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, rollupOptions: { input: 'bench/engine/index.html' } },
    })
  })
  return { url: `${served.url}bench/engine/index.html`, close: served.close }
}

type Replay = { engineMs: number; passes: { totalMs: number; ms: number[] }[]; errors: string[] }

const label = (s: LoggedStatement) =>
  s.kind === 'insert' ? `Arrow insert into ${s.table}` : s.sql.replace(/\s+/g, ' ').slice(0, 70)

export async function engine({ url, runs }: { url: string; runs: number }) {
  const { work, gapMs } = await recordWorkload(url)
  if (work.length === 0)
    throw new Error('the app sent the engine nothing between duckdb-ready and app-ready (is the statement log wired?)')
  const page = await buildReplayPage()
  const replays: Replay[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const browser = await launchChromium()
      try {
        await browser.context.addInitScript({ content: `window.__replayWork = ${JSON.stringify(work)}` })
        const p = await browser.context.newPage()
        await p.goto(page.url)
        await p.waitForFunction(() => (window as unknown as { __replay?: unknown }).__replay, null, {
          timeout: 300_000,
        })
        const r = await p.evaluate(() => (window as unknown as { __replay: Replay | { failed: string } }).__replay)
        if ('failed' in r) throw new Error(`replay failed: ${r.failed}`)
        if (r.errors.length) throw new Error(`the replay met errors the app did not: ${r.errors.join('; ')}`)
        replays.push(r)
        console.log(
          `  run ${i + 1}: engine started in ${Math.round(r.engineMs)}ms · first pass ${Math.round(r.passes[0]!.totalMs)}ms · again ${Math.round(r.passes[1]!.totalMs)}ms`,
        )
      } finally {
        await browser.close()
      }
    }
  } finally {
    await page.close()
  }
  const cold = summarize(replays.map((r) => r.passes[0]!.totalMs))
  const warm = summarize(replays.map((r) => r.passes[1]!.totalMs))
  const perStatement = work.map((s, i) => ({
    statement: `${String(i + 1).padStart(2)}. ${label(s)}`,
    cold: summarize(replays.map((r) => r.passes[0]!.ms[i]!)),
    warm: summarize(replays.map((r) => r.passes[1]!.ms[i]!)),
  }))
  console.log(
    `\nEngine work of a cold start: ${work.length} statements the app sent between duckdb-ready and app-ready (that load: app-ready ${Math.round(gapMs)}ms after duckdb-ready), replayed ${runs}× on a fresh engine with no page to draw`,
  )
  console.table(
    Object.fromEntries(
      [...perStatement]
        .sort((a, b) => b.cold.median - a.cold.median)
        .slice(0, 10)
        .map((s) => [s.statement, `${describe(s.cold)} · again ${describe(s.warm)}`]),
    ),
  )
  console.table({
    'engine work, first pass (cold, as at the app’s start-up)': describe(cold),
    'the same work again (every part of the engine it needs compiled)': describe(warm),
    [`#2 budget: app-ready ≤ duckdb-ready + ${BUDGET_MS}ms`]:
      warm.median > BUDGET_MS
        ? `over it even compiled: ${warm.median}ms of engine work before a single chart is drawn`
        : `within it once compiled (${warm.median}ms)`,
  })
  return {
    statements: work.length,
    appGapMs: Math.round(gapMs),
    coldMs: cold,
    warmMs: warm,
    engineStartMs: summarize(replays.map((r) => r.engineMs)),
    perStatement,
  }
}
