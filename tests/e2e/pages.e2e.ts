import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, openPage, type Session } from './support/browser'
import { waitForMark, widgetStates } from './support/marks'

// Each page has its own browser test file; this one covers what they share.
const baseUrl = inject('baseUrl')
let session: Session

beforeAll(async () => {
  session = await launchBrowser({ width: 1920, height: 1080 })
})
afterAll(async () => {
  await session?.close()
})

describe('Theme', () => {
  it('switches every chart page to dark and back in place: charts redrawn, nothing blanked, no error', async () => {
    const w = await openPage(session, `${baseUrl}#/`)
    const { page } = w
    await waitForMark(page, 'app-ready')
    for (const path of ['/', '/clusters', '/projects', '/livelihood', '/supervision']) {
      await page.evaluate((p) => {
        location.hash = `#${p}`
      }, path)
      await waitForMark(page, `page-ready:${path}`)
      for (const theme of ['dark', 'light'] as const) {
        await page.locator('.theme-toggle').click()
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme)
        // The page is still there, with every widget ready and its charts drawn.
        await expect
          .poll(
            async () => Object.values(await widgetStates(page)).filter((s) => s !== 'ready' && s !== 'empty').length,
          )
          .toBe(0)
        // Re-created for the theme, a chart has its canvas from its first frame on: wait for that frame.
        await expect
          .poll(() => page.locator(`[data-page="${path}"] .echart canvas`).count(), { message: `${path} ${theme}` })
          .toBeGreaterThan(0)
      }
    }
    expect(w.pageErrors).toEqual([])
    expect(w.consoleErrors).toEqual([])
    await page.close()
  })
})

describe('Desk widths', () => {
  it('keeps the top bar on one line at every desk width from 1280 to 1920 px: no label broken, nothing hidden or overlapping', async () => {
    const w = await openPage(session, `${baseUrl}#/`, { width: 1280, height: 800 })
    const { page } = w
    await waitForMark(page, 'app-ready')
    for (const width of [1280, 1366, 1440, 1536, 1600, 1680, 1920]) {
      await page.setViewportSize({ width, height: 800 })
      const bar = await page.evaluate(() => {
        const lines = (el: Element) => {
          const range = document.createRange()
          range.selectNodeContents(el)
          return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size
        }
        const nav = document.querySelector('.shell__nav')!
        const title = document.querySelector('.shell__title')!.getBoundingClientRect()
        const status = document.querySelector('.shell__status')!.getBoundingClientRect()
        const links = [...nav.querySelectorAll('a')]
        return {
          brokenLabels: links.filter((a) => lines(a) !== 1).map((a) => a.textContent),
          // Every link in view: the nav needs no scrolling at a desk width.
          navOverflow: nav.scrollWidth - nav.clientWidth,
          overlaps: title.right > nav.getBoundingClientRect().left || nav.getBoundingClientRect().right > status.left,
          // The as-of month and the briefing button on one line each, inside the bar.
          statusLines: [...document.querySelectorAll('.shell__status > span, .shell__status summary')].map(lines),
          statusInBar: status.height <= document.querySelector('.shell__bar')!.getBoundingClientRect().height,
          titleText: document.querySelector('.shell__title')!.textContent,
        }
      })
      expect(bar.brokenLabels, `${width}px`).toEqual([])
      expect(bar.navOverflow, `${width}px`).toBeLessThanOrEqual(0)
      expect(bar.overlaps, `${width}px`).toBe(false)
      expect(bar.statusLines.length, `${width}px`).toBeGreaterThanOrEqual(2)
      expect(
        bar.statusLines.every((n) => n === 1),
        `${width}px: ${bar.statusLines}`,
      ).toBe(true)
      expect(bar.statusInBar, `${width}px`).toBe(true)
      // The full name is always there for a screen reader, even where the short one shows.
      expect(bar.titleText).toContain('人大代表经济运行观察点数据看板')
    }
    expect(w.pageErrors).toEqual([])
    await page.close()
  })

  it('keeps the Overview in columns on a 1280 px laptop: five KPI cards in one row, charts side by side', async () => {
    const w = await openPage(session, `${baseUrl}#/`, { width: 1280, height: 800 })
    const { page } = w
    await waitForMark(page, 'app-ready')
    const layout = await page.evaluate(() => {
      const top = (sel: string) => Math.round(document.querySelector(sel)!.getBoundingClientRect().top)
      return {
        kpiRows: new Set(
          [...document.querySelectorAll('.kpi-row > *')].map((c) => Math.round(c.getBoundingClientRect().top)),
        ).size,
        kpis: document.querySelectorAll('.kpi-row > *').length,
        mapBesideClusters: top('[data-widget="town-map"]') === top('[data-widget="cluster-ytd"]'),
        threeInARow:
          new Set(
            ['overview-project-status', 'overview-livelihood', 'overview-activities'].map((id) =>
              top(`[data-widget="${id}"]`),
            ),
          ).size === 1,
      }
    })
    expect(layout).toEqual({ kpiRows: 1, kpis: 5, mapBesideClusters: true, threeInARow: true })
    await page.close()
  })

  it('redraws every chart at its new size when the window is resized', async () => {
    const w = await openPage(session, `${baseUrl}#/`, { width: 1920, height: 1080 })
    const { page } = w
    await waitForMark(page, 'app-ready')
    const sizes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-widget] .echart')].map((el) => ({
          widget: el.closest('[data-widget]')!.getAttribute('data-widget'),
          element: (el as HTMLElement).clientWidth,
          canvas: Math.round(el.querySelector('canvas')!.getBoundingClientRect().width),
        })),
      )
    const wide = await sizes()
    expect(wide.length).toBeGreaterThanOrEqual(4)
    for (const s of wide) expect(s.canvas, s.widget!).toBe(s.element)
    // At 1024 px the grid becomes one column: every chart's element changes width, and the chart with it.
    await page.setViewportSize({ width: 1024, height: 768 })
    await expect
      .poll(
        async () =>
          (await sizes())
            .filter((s) => s.canvas !== s.element)
            .map((s) => `${s.widget}: chart ${s.canvas} px in ${s.element} px`),
        { timeout: 5000 },
      )
      .toEqual([])
    const narrow = await sizes()
    expect(narrow.filter((s, i) => s.element !== wide[i]!.element).length).toBeGreaterThanOrEqual(3)
    expect(w.pageErrors).toEqual([])
    expect(w.consoleErrors).toEqual([])
    await page.close()
  })
})
