import type { Page } from 'playwright-core'

import { launchChromium, type LaunchOptions, type Session } from '../../support/chromium'

export type { Session }

/** A headless Chromium with a fresh, empty profile (a cold start), removed on close. */
export function launchBrowser(options: LaunchOptions = {}): Promise<Session> {
  return launchChromium(options)
}

export interface Watched {
  readonly page: Page
  readonly consoleErrors: string[]
  readonly pageErrors: string[]
  /** Requests to anything but the page's own origin (data: and blob: are local). */
  readonly foreignRequests: string[]
  readonly requests: string[]
}

/**
 * Opens a page that records console errors, uncaught exceptions and every request.
 * The viewport is the session's (see launchBrowser) unless `viewport` overrides it.
 */
export async function openPage(
  session: Session,
  url: string,
  viewport?: { width: number; height: number },
): Promise<Watched> {
  const page = await session.context.newPage()
  if (viewport) await page.setViewportSize(viewport)
  const origin = new URL(url).origin
  const watched: Watched = { page, consoleErrors: [], pageErrors: [], foreignRequests: [], requests: [] }
  page.on('console', (m) => {
    if (m.type() === 'error') watched.consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => watched.pageErrors.push(e.message))
  const track = (u: string) => {
    watched.requests.push(u)
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin)
      watched.foreignRequests.push(u)
  }
  // Chromium reports dedicated workers' requests (DuckDB's worker fetching its wasm) on the
  // page too, so this one listener sees everything; a 'worker' listener would only count the
  // worker script twice.
  page.on('request', (r) => track(r.url()))
  await page.goto(url)
  return watched
}
