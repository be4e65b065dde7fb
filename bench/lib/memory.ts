import { readFileSync } from 'node:fs'

import type { BrowserContext } from 'playwright-core'

export interface TabMemory {
  /** The largest renderer process (the tab with the app and its DuckDB worker), MB. */
  readonly tabMB: number
  /** Every renderer process of the browser, MB. */
  readonly renderersMB: number
  /** What was measured: proportional set size where the kernel gives it, else resident set size. */
  readonly measure: 'PSS' | 'RSS'
}

/** A process's memory in kB from /proc (Linux): PSS, counting shared pages once, else RSS. */
function processKb(pid: number): { kb: number; measure: 'PSS' | 'RSS' } | null {
  try {
    const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))
    if (pss) return { kb: Number(pss[1]), measure: 'PSS' }
  } catch {
    // No smaps_rollup (older kernel, or not permitted): fall back to RSS.
  }
  try {
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return rss ? { kb: Number(rss[1]), measure: 'RSS' } : null
  } catch {
    return null
  }
}

/**
 * Tab memory as the operating system sees it: the browser lists its renderer processes
 * (DevTools protocol, SystemInfo.getProcessInfo) and /proc says how much each holds. The
 * wasm heap of DuckDB lives in the tab's renderer, so this counts it, which
 * performance.memory (the JS heap only) would not. Null where /proc is not available.
 */
export async function tabMemory(context: BrowserContext): Promise<TabMemory | null> {
  const browser = context.browser()
  if (!browser) return null
  const cdp = await browser.newBrowserCDPSession()
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[]
    }
    const sizes = processInfo
      .filter((p) => p.type === 'renderer')
      .map((p) => processKb(p.id))
      .filter((s) => s !== null)
    if (sizes.length === 0) return null
    const mb = (kb: number) => Math.round(kb / 1024)
    return {
      tabMB: mb(Math.max(...sizes.map((s) => s.kb))),
      renderersMB: mb(sizes.reduce((a, s) => a + s.kb, 0)),
      measure: sizes.every((s) => s.measure === 'PSS') ? 'PSS' : 'RSS',
    }
  } finally {
    await cdp.detach()
  }
}
