import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { type BrowserContext, chromium } from 'playwright-core'

import { onExit } from './cleanup'

/** Flags that keep Debian's Chromium quiet on a closed network (no calls home, no QUIC). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface Session {
  readonly context: BrowserContext
  readonly version: string
  close(): Promise<void>
}

export interface LaunchOptions {
  readonly width?: number
  readonly height?: number
  readonly deviceScaleFactor?: number
}

/**
 * Debian's Chromium, headless, with a fresh empty profile (a cold start) that is removed on
 * close. Used by the browser tests and the benchmark alike; never downloads a browser.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<Session> {
  const profile = mkdtempSync(path.join(tmpdir(), 'observatory-profile-'))
  // An interrupted run (Ctrl+C, a timeout) must not leave the profile behind either.
  const forget = onExit(() => rmSync(profile, { recursive: true, force: true }))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1920, height: options.height ?? 1080 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  })
  return {
    context,
    version: context.browser()?.version() ?? 'unknown',
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
      forget()
    },
  }
}
