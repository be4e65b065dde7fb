import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

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
  close(): Promise<void>
}

/** A headless Chromium with a fresh, empty profile (a cold start), removed on close. */
export async function launchBrowser(options: { width?: number; height?: number; deviceScaleFactor?: number } = {}): Promise<Session> {
  const profile = mkdtempSync(path.join(tmpdir(), 'observatory-profile-'))
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
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export interface Watched {
  readonly page: Page
  readonly consoleErrors: string[]
  readonly pageErrors: string[]
  /** Requests to anything but the page's own origin (data: and blob: are local). */
  readonly foreignRequests: string[]
  readonly requests: string[]
}

/** Opens a page that records console errors, uncaught exceptions and every request. */
export async function openPage(session: Session, url: string): Promise<Watched> {
  const page = await session.context.newPage()
  const origin = new URL(url).origin
  const watched: Watched = { page, consoleErrors: [], pageErrors: [], foreignRequests: [], requests: [] }
  page.on('console', (m) => {
    if (m.type() === 'error') watched.consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => watched.pageErrors.push(e.message))
  const track = (u: string) => {
    watched.requests.push(u)
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) watched.foreignRequests.push(u)
  }
  page.on('request', (r) => track(r.url()))
  // Workers' own requests (the wasm file) are seen here, not on the page.
  page.on('worker', (w) => track(w.url()))
  await page.goto(url)
  return watched
}
