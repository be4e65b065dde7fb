/**
 * An uploaded table with its own `rowid` column, in the Datasets grid: the rows past 10,000
 * are the ones in upload order and the end is reachable; and its export has every row while
 * none of them stays in the coordinator's cache.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, openPage, type Session, type Watched } from './support/browser'
import { download, parseCsv } from './support/exports'
import { waitForMark } from './support/marks'

const baseUrl = inject('baseUrl')
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/ex-shots'
const N = 120_000
const TABLE = '上传_带rowid的表'
let session: Session
let w: Watched

/** rowid as the file has it: repeated values and blanks, nothing like the row's position. */
function sheet(): Buffer {
  const lines = ['rowid,名称,数值']
  for (let i = 0; i < N; i++)
    lines.push(`${i % 13 === 0 ? '' : (i * 7919) % 1000},行${String(i).padStart(6, '0')},${i % 97}`)
  return Buffer.from(lines.join('\n') + '\n')
}

beforeAll(async () => {
  session = await launchBrowser({ width: 1600, height: 1000 })
  await session.context.addInitScript(() => {
    ;(window as { __OBSERVATORY_TEST__?: boolean }).__OBSERVATORY_TEST__ = true
  })
  w = await openPage(session, `${baseUrl}#/upload`)
  await waitForMark(w.page, 'data-ready')
})
afterAll(async () => {
  await session?.close()
})

const hook = <T>(page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as { __observatory: Record<string, () => T> }).__observatory[n]!(), name)

/** Scrolls the grid so that row `index` (0-based) is in view, and returns its text once drawn. */
async function rowText(page: Page, index: number): Promise<string> {
  const grid = page.locator('[data-widget="dataset-preview"]')
  await grid.locator('.data-table__scroll').evaluate((el, i) => {
    el.scrollTop = Math.max(0, i * 32 - 64)
  }, index)
  const row = grid.locator(`.data-table__row[aria-rowindex="${index + 2}"]`)
  await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1)
  await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 30_000 }).toMatch(/行\d{6}/)
  return (await row.textContent()) ?? ''
}

describe('a 120,000-row upload with its own rowid column', () => {
  it('pages in upload order to the very end', async () => {
    const { page } = w
    await page
      .locator('input[type=file][data-testid="upload-input"]')
      .setInputFiles({ name: '带rowid的表.csv', mimeType: 'text/csv', buffer: sheet() })
    const card = page.locator('[data-widget="upload-card"]').first()
    await card.locator('[data-testid="upload-preview"]').waitFor({ timeout: 120_000 })
    await card.locator('[data-testid="upload-confirm"]').click()
    await expect
      .poll(() => card.locator('[data-testid="upload-result"]').getAttribute('data-status'), { timeout: 120_000 })
      .toBe('loaded')
    await page.evaluate((t) => (location.hash = `#/datasets?table=${encodeURIComponent(t)}`), TABLE)
    await page
      .locator('[data-widget="dataset-preview"] .data-table__row[aria-rowindex="2"]')
      .waitFor({ timeout: 60_000 })
    for (const index of [5, 9_999, 10_000, 60_123, N - 1]) {
      expect(await rowText(page, index), `row ${index}`).toContain(`行${String(index).padStart(6, '0')}`)
    }
    await page.screenshot({ path: `${SHOTS}/datasets-rowid-end.png` })
  }, 300_000)

  it('exports every row, and none of them stays in the query cache', async () => {
    const { page } = w
    const before = await hook<number>(page, 'cachedRows')
    const file = await download(
      page,
      '[data-widget="dataset-preview"] details[data-export-menu]',
      '[data-export="csv"]',
      120_000,
    )
    const rows = parseCsv(file.bytes.toString('utf8').replace(/^\uFEFF/, ''))
    const body = rows.slice(1).filter((r) => r.length > 1)
    expect(body).toHaveLength(N)
    expect(body[0]![1]).toBe('行000000')
    expect(body.at(-1)![1]).toBe('行119999')
    expect(await hook<number>(page, 'cachedRows')).toBe(before)
    expect(before).toBeLessThan(5_000)
    expect(w.pageErrors).toEqual([])
  }, 300_000)
})
