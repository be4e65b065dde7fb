// Upload throughput: a 1,000,000-row (~65 MB) indicator sheet loaded (a) through the app's
// upload path — file input, encoding and dialect detection, staging with SQL
// normalisation, validation (types, ranges, keys against observation_points, duplicates),
// commit, and the copy kept in IndexedDB — and (b) by a bare DuckDB-WASM read_csv of the
// same bytes on the same engine, side by side in one browser session. Also a GB18030 copy
// through the app (DuckDB cannot read GB18030; the app decodes it in a worker first).
import { linkSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'

import type { TestHooks } from '../src/lib/test-hooks'
import { waitForMark } from '../tests/e2e/support/marks'
import { launchChromium } from '../tests/support/chromium'
import { onExit } from '../tests/support/cleanup'
import { bigIndicatorFiles } from './lib/big-data'
import { type TabMemory, tabMemory } from './lib/memory'
import { KEEP_NAMES_SHIM } from './lib/page-shim'
import { serveBuildWith } from './lib/server'
import { describe, summarize } from './lib/stats'

const ROWS = 1_000_000

/**
 * The indicator sheet as an analyst's Excel export: Chinese headers with units, one row per
 * point and month, in UTF-8 and in GB18030 (the body is ASCII, so only the header differs).
 */
export function makeSheets(points: number): { utf8: Buffer; gb18030: Buffer } {
  const months: string[] = []
  for (let y = 2023; months.length * points < ROWS + points; y++)
    for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`)
  const header =
    '月份,观察点编号,产值（万元）,营业收入（万元）,纳税额（万元）,用电量（万千瓦时）,用工人数（人）,出口额（万元）,新增订单（万元）,产能利用率（%）\n'
  let seed = 7
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const parts: string[] = []
  let n = 0
  for (const month of months) {
    const lines: string[] = []
    for (let i = 0; i < points && n < ROWS; i++, n++) {
      const v = 500 + rand() * 20000
      lines.push(
        `${month},B${String(i).padStart(6, '0')},${v.toFixed(2)},${(v * 1.05).toFixed(2)},${(v * 0.04).toFixed(2)},${(v * 0.03).toFixed(2)},${100 + (i % 900)},${(v * 0.2).toFixed(2)},${(v * 0.9).toFixed(2)},${(70 + 25 * rand()).toFixed(1)}`,
      )
    }
    if (lines.length) parts.push(lines.join('\n') + '\n')
  }
  const body = Buffer.from(parts.join(''), 'latin1')
  // GB18030 has no encoder in JS: each header character's two bytes, found by decoding every pair.
  const gbOf = new Map<string, number[]>()
  const decoder = new TextDecoder('gb18030')
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && !gbOf.has(ch)) gbOf.set(ch, [lead, trail])
    }
  const gbHeader = Buffer.from([...header].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : gbOf.get(c)!)))
  return { utf8: Buffer.concat([Buffer.from(header, 'utf8'), body]), gb18030: Buffer.concat([gbHeader, body]) }
}

/** Installs, before a file is picked, what times an upload in the page: the change event and long tasks. */
async function armUploadTimer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __upload: { t0: number; longTasks: number[]; observer: PerformanceObserver } }
    const longTasks: number[] = []
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)))
    observer.observe({ type: 'longtask' })
    w.__upload = { t0: NaN, longTasks, observer }
    // Capturing on window: the first thing that runs when the file is picked, before the app's own handler.
    addEventListener('change', () => (w.__upload.t0 = performance.now()), { capture: true, once: true })
    ;(window as unknown as { __observatory: TestHooks }).__observatory.ingestTimings?.push({
      sql: 'armed (time)',
      ms: Math.round(performance.now()),
    })
  })
}

/**
 * The app's path as a user takes it: the file is picked from disk in the file input (a
 * disk-backed File, as the browser gives it), then preview → confirm → result, timed in the
 * page from the input's change event. The time the user spends reading the preview is not
 * counted; what the app does meanwhile (keeping the file for the next visit) is.
 */
export async function appUpload(
  page: Page,
  file: string,
  which: 'utf8' | 'gb18030',
): Promise<{ ms: number; prepareMs: number; commitMs: number; rows: number; encoding: string; longestTaskMs: number }> {
  await armUploadTimer(page)
  await page.locator('input[type=file][data-testid="upload-input"]').setInputFiles(file)
  const r = await page.evaluate(async (name) => {
    const w = window as unknown as { __upload: { t0: number; longTasks: number[]; observer: PerformanceObserver } }
    const until = <T>(probe: () => T | null, timeout = 600_000) =>
      new Promise<T>((resolve, reject) => {
        const t0 = performance.now()
        const tick = () => {
          const v = probe()
          if (v) resolve(v)
          else if (performance.now() - t0 > timeout) reject(new Error('timeout'))
          else setTimeout(tick, 5)
        }
        tick()
      })
    const card = await until(
      () =>
        [...document.querySelectorAll('[data-widget="upload-card"]')].find((c) => c.textContent?.includes(name)) ??
        null,
    )
    const preview = await until(
      () => card.querySelector('[data-testid="upload-preview"]') ?? card.querySelector('[data-testid="upload-result"]'),
    )
    const t1 = performance.now()
    const encoding = preview.getAttribute('data-encoding') ?? '?'
    const button = await until(() => {
      const b = card.querySelector('[data-testid="upload-confirm"]') as HTMLButtonElement | null
      return b && !b.disabled ? b : null
    })
    const t2 = performance.now()
    button.click()
    const result = await until(() => card.querySelector('[data-testid="upload-result"]'))
    const t3 = performance.now()
    w.__upload.observer.disconnect()
    const t0 = w.__upload.t0
    if (result.getAttribute('data-status') !== 'loaded')
      throw new Error(`upload ${result.getAttribute('data-status')}: ${result.textContent}`)
    // Not timed: the upload is kept in IndexedDB in the background; the next run starts once it is.
    await until(() => (result.getAttribute('data-persisted') !== 'saving' ? result : null))
    if (result.getAttribute('data-persisted') !== 'saved')
      throw new Error(`upload not kept in the browser: ${result.textContent}`)
    return {
      ms: t1 - t0 + (t3 - t2),
      prepareMs: t1 - t0,
      commitMs: t3 - t2,
      rows: Number(result.getAttribute('data-rows')),
      encoding,
      longestTaskMs: Math.round(Math.max(0, ...w.__upload.longTasks)),
    }
  }, path.basename(file))
  if (r.encoding !== (which === 'utf8' ? 'utf-8' : 'gb18030')) throw new Error(`${file} was read as ${r.encoding}`)
  return r
}

/** One statement on the page's engine through the test hook (outside any timing); its rows. */
function pageSql<T = Record<string, unknown>>(page: Page, sql: string): Promise<T[]> {
  return page.evaluate(
    (sql) => (window as unknown as { __observatory: TestHooks }).__observatory.sql!(sql) as Promise<T[]>,
    sql,
  )
}

async function bareRead(page: Page): Promise<{ ms: number; rows: number }> {
  return page.evaluate(async () => {
    const w = window as unknown as {
      __benchSheets: Record<string, Uint8Array>
      __observatory: TestHooks
    }
    return w.__observatory.bareReadCsv!(w.__benchSheets.utf8!)
  })
}

/**
 * The same bare read_csv, of the sheet picked from disk (a File DuckDB's worker reads, as
 * the upload path does) rather than of bytes already in memory: what reading from disk costs.
 */
async function bareReadFromDisk(page: Page, file: string): Promise<{ ms: number; rows: number; fileReadMs: number }> {
  await page.evaluate(() => {
    if (document.getElementById('bench-bare-file')) return
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-bare-file', hidden: true })
    document.body.appendChild(input)
  })
  await page.locator('#bench-bare-file').setInputFiles(file)
  return page.evaluate(async () => {
    const w = window as unknown as {
      __observatory: TestHooks
    }
    const file = (document.getElementById('bench-bare-file') as HTMLInputElement).files![0]!
    const read = await w.__observatory.bareReadCsv!(file)
    // The same File's bytes read into the page and nothing else: what any upload path pays
    // before DuckDB can parse a byte of a file the user picked.
    const t0 = performance.now()
    const bytes = await file.arrayBuffer()
    const fileReadMs = performance.now() - t0
    if (bytes.byteLength !== file.size) throw new Error('short read')
    return { ...read, fileReadMs }
  })
}

/**
 * Tab memory after one load, measured on its own: a fresh browser opens the app, the user
 * picks the 1,000,000-row sheet from disk (as a real File, not bytes held in the page) and
 * confirms. Nothing else runs in that tab, so the figure is the app's, not the benchmark's.
 */
async function memoryAfterOneLoad(
  url: string,
  sheet: Buffer,
): Promise<{ before: TabMemory | null; after: TabMemory | null; duckdbTablesMB: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'observatory-upload-'))
  const file = path.join(dir, '月度指标-100万行.csv')
  writeFileSync(file, sheet)
  const browser = await launchChromium()
  try {
    await browser.context.addInitScript({ content: `window.__OBSERVATORY_TEST__ = true; ${KEEP_NAMES_SHIM}` })
    const page = await browser.context.newPage()
    await page.goto(`${url}#/upload`)
    await waitForMark(page, 'data-ready', 300_000)
    const before = await tabMemory(browser.context)
    await page.locator('input[type=file][data-testid="upload-input"]').setInputFiles(file)
    const card = page.locator('[data-widget="upload-card"]').first()
    await card.locator('[data-testid="upload-confirm"]:not([disabled])').click({ timeout: 300_000 })
    const result = card.locator('[data-testid="upload-result"]')
    await result.waitFor({ timeout: 300_000 })
    if ((await result.getAttribute('data-status')) !== 'loaded')
      throw new Error(`memory run: upload ${await result.textContent()}`)
    await card.locator('[data-testid="upload-result"]:not([data-persisted="saving"])').waitFor({ timeout: 300_000 })
    const after = await tabMemory(browser.context)
    const tables = await pageSql<{ mb: number }>(
      page,
      `SELECT round(sum(memory_usage_bytes) / 1048576) AS mb FROM duckdb_memory()`,
    )
    return { before, after, duckdbTablesMB: Number(tables[0]?.mb ?? NaN) }
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function upload({ runs }: { url: string; runs: number }) {
  const n = Math.min(runs, 5)
  const points = bigIndicatorFiles(ROWS)
  const sheets = makeSheets(points.pointCount)
  const sizes = { utf8Bytes: sheets.utf8.length, gbBytes: sheets.gb18030.length }
  // The sheets on disk, picked in the file input as a user picks them (one name per upload,
  // so each gets its own card); the page fetches the UTF-8 bytes for the bare read.
  const dir = mkdtempSync(path.join(tmpdir(), 'observatory-upload-sheets-'))
  const forget = onExit(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(path.join(dir, 'sheet-utf8.csv'), sheets.utf8)
  writeFileSync(path.join(dir, 'sheet-gb18030.csv'), sheets.gb18030)
  let picked = 0
  const pick = (which: 'utf8' | 'gb18030') => {
    const name = path.join(dir, `月度指标-${which}-${++picked}.csv`)
    linkSync(path.join(dir, `sheet-${which}.csv`), name)
    return name
  }
  // The app validates point ids against observation_points: serve the big points file as the embedded one.
  const server = await serveBuildWith({ observation_points: points.points }, { 'bench-sheet-utf8.csv': sheets.utf8 })
  const app: number[] = []
  const appGb: number[] = []
  const appAgain: number[] = []
  const bare: number[] = []
  const bareDisk: number[] = []
  const fileRead: number[] = []
  const detail: object[] = []
  const memory: { after: string; memory: TabMemory | null }[] = []
  try {
    const browser = await launchChromium()
    try {
      await browser.context.addInitScript({
        content: `window.__OBSERVATORY_TEST__ = true; ${KEEP_NAMES_SHIM}; window.__observatory = { ingestTimings: [] }`,
      })
      const page = await browser.context.newPage()
      await page.goto(`${server.url}#/upload`)
      await waitForMark(page, 'data-ready', 300_000)
      memory.push({ after: 'start-up', memory: await tabMemory(browser.context) })
      await page.evaluate(async () => {
        const bytes = new Uint8Array(await (await fetch('bench-sheet-utf8.csv')).arrayBuffer())
        ;(window as unknown as { __benchSheets: Record<string, Uint8Array> }).__benchSheets = { utf8: bytes }
      })
      console.log(
        `\nUpload: ${ROWS.toLocaleString()} rows, UTF-8 ${(sizes.utf8Bytes / 1048576).toFixed(1)} MB, GB18030 ${(sizes.gbBytes / 1048576).toFixed(1)} MB, picked from disk; ${n} runs each, alternating`,
      )
      // Every timed upload loads into the same table: the embedded indicators, without the
      // sheet's rows (the sheet's point ids, B000000…, are not in the embedded data).
      const reset = () =>
        pageSql(
          page,
          `CREATE OR REPLACE TABLE point_indicators AS SELECT * FROM point_indicators WHERE point_id NOT LIKE 'B%'`,
        )
      for (let r = 0; r < n; r++) {
        const b = await bareRead(page)
        if (b.rows !== ROWS) throw new Error(`bare read_csv gave ${b.rows} rows`)
        bare.push(b.ms)
        const d = await bareReadFromDisk(page, pick('utf8'))
        if (d.rows !== ROWS) throw new Error(`bare read_csv from disk gave ${d.rows} rows`)
        bareDisk.push(d.ms)
        fileRead.push(d.fileReadMs)
        await reset()
        const a = await appUpload(page, pick('utf8'), 'utf8')
        if (a.rows !== ROWS) throw new Error(`app upload gave ${a.rows} rows`)
        app.push(a.ms)
        const m = await tabMemory(browser.context)
        memory.push({ after: `run ${r + 1}`, memory: m })
        if (process.env.UPLOAD_BENCH_TRACE)
          console.log(
            await pageSql(
              page,
              `SELECT tag, round(memory_usage_bytes / 1048576) AS mb FROM duckdb_memory() WHERE memory_usage_bytes > 0`,
            ),
          )
        // The same sheet again: an append that replaces all its 1,000,000 keys (a merge, not a load).
        const again = await appUpload(page, pick('utf8'), 'utf8')
        if (again.rows !== ROWS) throw new Error(`re-upload gave ${again.rows} rows`)
        appAgain.push(again.ms)
        await reset()
        const g = await appUpload(page, pick('gb18030'), 'gb18030')
        if (g.rows !== ROWS) throw new Error(`GB18030 upload gave ${g.rows} rows`)
        appGb.push(g.ms)
        await reset()
        const timings = await page.evaluate(() =>
          (window as unknown as { __observatory: TestHooks }).__observatory.ingestTimings!.splice(0),
        )
        if (process.env.UPLOAD_BENCH_TRACE) console.log(timings)
        detail.push({
          bare: b.ms,
          bareFromDisk: d.ms,
          fileRead: d.fileReadMs,
          app: a,
          appReplacingAllKeys: again,
          appGb18030: g,
          tabMemory: m,
        })
        console.log(
          `  run ${r + 1}: bare ${Math.round(b.ms)}ms (from disk ${Math.round(d.ms)}ms; the file's bytes alone ${Math.round(d.fileReadMs)}ms) · app UTF-8 ${Math.round(a.ms)}ms (prepare ${Math.round(a.prepareMs)} + commit ${Math.round(a.commitMs)}, longest main-thread task ${a.longestTaskMs}ms) · same sheet again ${Math.round(again.ms)}ms (commit ${Math.round(again.commitMs)}) · app GB18030 ${Math.round(g.ms)}ms (longest task ${g.longestTaskMs}ms) · tab ${m ? `${m.tabMB} MB ${m.measure}` : 'memory n/a'}`,
        )
      }
    } finally {
      await browser.close()
    }
  } finally {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
    forget()
  }
  const s = {
    bare: summarize(bare),
    bareFromDisk: summarize(bareDisk),
    fileRead: summarize(fileRead),
    app: summarize(app),
    appGb18030: summarize(appGb),
    appReplacingAllKeys: summarize(appAgain),
  }
  const longest = summarize(
    detail.flatMap((d) => [
      (d as { app: { longestTaskMs: number } }).app.longestTaskMs,
      (d as { appGb18030: { longestTaskMs: number } }).appGb18030.longestTaskMs,
    ]),
  )
  const tabs = memory.slice(1).flatMap((m) => (m.memory ? [m.memory.tabMB] : []))
  const peakTab = tabs.length ? Math.max(...tabs) : null
  const server2 = await serveBuildWith({ observation_points: points.points })
  let oneLoad: Awaited<ReturnType<typeof memoryAfterOneLoad>>
  try {
    oneLoad = await memoryAfterOneLoad(server2.url, points.indicators)
  } finally {
    await server2.close()
  }
  const loadTab = oneLoad.after?.tabMB ?? null
  const mbps = (ms: number, bytes: number) => Math.round((bytes / 1048576 / (ms / 1000)) * 10) / 10
  const r2 = (v: number) => Math.round(v * 100) / 100
  // Each run's app upload against the reads of the same run (the machine's speed drifts between runs).
  const paired = (num: readonly number[], den: readonly number[]) => {
    const x = summarize(num.map((v, i) => (100 * v) / den[i]!))
    return {
      median: r2(x.median / 100),
      min: r2(x.min / 100),
      max: r2(x.max / 100),
      values: x.values.map((v) => r2(v / 100)),
    }
  }
  const ratio = {
    utf8: r2(s.bare.median / s.app.median),
    gb18030: r2(s.bare.median / s.appGb18030.median),
    utf8ReplacingAllKeys: r2(s.bare.median / s.appReplacingAllKeys.median),
    utf8VsBareFromDisk: r2(s.bareFromDisk.median / s.app.median),
    gb18030VsBareFromDisk: r2(s.bareFromDisk.median / s.appGb18030.median),
    // The best ratio to the in-memory read that any path reading the picked file could reach,
    // were everything else free: bare ÷ (bare + reading the file's bytes), run by run.
    ceilingFromDisk: paired(
      bare,
      bare.map((v, i) => v + fileRead[i]!),
    ),
    pairedUtf8VsBareFromDisk: paired(bareDisk, app),
    pairedGb18030VsBareFromDisk: paired(bareDisk, appGb),
  }
  const pairedText = (p: { median: number; min: number; max: number }) => `${p.median} (${p.min}–${p.max})`
  console.table({
    'bare DuckDB-WASM read_csv (UTF-8)': `${describe(s.bare)} · ${mbps(s.bare.median, sizes.utf8Bytes)} MB/s`,
    'bare read_csv of the same sheet picked from disk (for comparison, not a target)': `${describe(s.bareFromDisk)} · ${mbps(s.bareFromDisk.median, sizes.utf8Bytes)} MB/s · app ÷ this ${ratio.utf8VsBareFromDisk}`,
    'reading the picked file’s bytes into the page, nothing else (File.arrayBuffer)': `${describe(s.fileRead)} · so, run by run, at best ${pairedText(ratio.ceilingFromDisk)}× the in-memory read for any path that reads the picked file`,
    'app ÷ bare read of the same file from disk, run by run': `UTF-8 ${pairedText(ratio.pairedUtf8VsBareFromDisk)} · GB18030 ${pairedText(ratio.pairedGb18030VsBareFromDisk)}`,
    'app upload path (UTF-8)': `${describe(s.app)} · ${mbps(s.app.median, sizes.utf8Bytes)} MB/s`,
    'app upload path (GB18030)': `${describe(s.appGb18030)} · ${mbps(s.appGb18030.median, sizes.gbBytes)} MB/s`,
    'app, same UTF-8 sheet again (append replacing all 1M keys)': `${describe(s.appReplacingAllKeys)} · ratio ${ratio.utf8ReplacingAllKeys}`,
    'app ÷ bare throughput, UTF-8 (target ≥ 0.8)': `${ratio.utf8} ${ratio.utf8 >= 0.8 ? 'PASS' : 'MISS'}`,
    'app ÷ bare throughput, GB18030 (target ≥ 0.6)': `${ratio.gb18030} ${ratio.gb18030 >= 0.6 ? 'PASS' : 'MISS'}`,
    'longest main-thread task during an app upload': `${describe(longest)}`,
    'tab memory after one load of the sheet from disk (target < 1 GB)':
      loadTab === null
        ? 'not measured (no /proc)'
        : `${loadTab} MB ${oneLoad.after?.measure} (${oneLoad.before?.tabMB ?? '?'} MB before; DuckDB holds ${oneLoad.duckdbTablesMB} MB) ${loadTab < 1024 ? 'PASS' : 'MISS'}`,
    'tab memory in this benchmark tab (sheets held in the page, bare reads, merges)':
      peakTab === null ? 'not measured' : `${peakTab} MB at most (${memory[0]?.memory?.tabMB ?? '?'} MB before)`,
  })
  return {
    rows: ROWS,
    sizes,
    runs: n,
    ms: s,
    longestMainThreadTaskMs: longest,
    throughputRatio: ratio,
    tabMemory: { oneLoad, benchmarkTab: memory },
    targets: {
      utf8: ratio.utf8 >= 0.8,
      gb18030: ratio.gb18030 >= 0.6,
      memory: loadTab === null ? null : loadTab < 1024,
    },
    detail,
  }
}
