import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, openPage, type Session } from './support/browser'
import { waitForMark } from './support/marks'

// A page's code chunk that cannot be loaded (a redeploy while a tab was open, a dropped
// network) must not take the app down with it.
const baseUrl = inject('baseUrl')
let session: Session

beforeAll(async () => {
  session = await launchBrowser({ width: 1366, height: 768 })
})
afterAll(async () => {
  await session?.close()
})

describe('Never blank', () => {
  it('a page whose chunk answers 404 says so with 重新加载, and the navigation still works', async () => {
    const w = await openPage(session, `${baseUrl}#/`)
    const { page } = w
    await waitForMark(page, 'app-ready')
    // The projects page's own chunk is gone from the server from now on.
    await page.route(/\/assets\/ProjectsPage-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'Not Found' }))
    await page.locator('nav a', { hasText: '重点项目' }).click()
    const alert = page.locator('[role="alert"][data-testid="page-error"]')
    await expect.poll(() => alert.count(), { timeout: 20_000 }).toBe(1)
    expect(await alert.locator('h2').textContent()).toBe('页面未能加载')
    expect(await alert.locator('button').textContent()).toBe('重新加载')
    // The bar is there and works: another page opens and settles.
    await page.locator('nav a', { hasText: '民生实事' }).click()
    await waitForMark(page, 'page-ready:/livelihood')
    expect(await alert.count()).toBe(0)
    expect(await page.locator('[data-page="/livelihood"] [data-widget]').count()).toBeGreaterThan(3)
    // 重新加载 brings the page back once its chunk can be loaded again.
    await page.unroute(/\/assets\/ProjectsPage-[^/]*\.js$/)
    await page.locator('nav a', { hasText: '重点项目' }).click()
    await expect.poll(() => alert.count(), { timeout: 20_000 }).toBe(1)
    await alert.locator('button').click()
    await waitForMark(page, 'page-ready:/projects')
    expect(await page.locator('[data-testid="page-error"]').count()).toBe(0)
    await page.close()
  })

  it('the wall whose chunk cannot be loaded shows a calm message instead of a blank screen', async () => {
    const w = await openPage(session, `${baseUrl}#/`)
    const { page } = w
    await waitForMark(page, 'app-ready')
    await page.route(/\/assets\/BigScreen-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'Not Found' }))
    await page.evaluate(() => {
      location.hash = '#/screen'
    })
    const alert = page.locator('[role="alert"][data-testid="page-error"]')
    await expect.poll(() => alert.count(), { timeout: 20_000 }).toBe(1)
    expect(await alert.textContent()).toContain('大屏正在重新连接')
    await page.close()
  })

  it('?theme=dark works before the # as well as after it', async () => {
    for (const url of [`${baseUrl}?theme=dark#/`, `${baseUrl}#/?theme=dark`]) {
      const fresh = await launchBrowser({ width: 1366, height: 768 })
      try {
        const w = await openPage(fresh, url)
        await expect.poll(() => w.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
      } finally {
        await fresh.close()
      }
    }
  })
})
