import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A headless Chromium with a fresh profile directory: every run is a cold start. */
export async function coldBrowser({ width = 1920, height = 1080, deviceScaleFactor = 1 } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'observatory-bench-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height },
    deviceScaleFactor,
  })
  return {
    context,
    version: context.browser()?.version() ?? 'unknown',
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export async function waitForMark(page, name, timeout = 60_000) {
  const handle = await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? false, name, { timeout, polling: 20 })
  return handle.jsonValue()
}
