/**
 * User SQL can only read, in the browser: hostile pins in localStorage (at load, and written
 * by another document of the same origin while the board is open), the console, the chart
 * builder. After each, the page's own DuckDB must hold exactly what it held before (every
 * table's rows and the catalog, through the test hook). And a huge console value must not
 * crash the tab.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DISGUISED, ISSUE_PINS, TRICKS } from '../support/sql-attacks'
import { launchBrowser, openPage, type Session, type Watched } from './support/browser'
import { waitForMark } from './support/marks'

const baseUrl = inject('baseUrl')
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/ex-shots'
const PINS_KEY = 'observatory.board.pins'
let session: Session
let w: Watched

beforeAll(async () => {
  session = await launchBrowser({ width: 1600, height: 1000 })
  await session.context.addInitScript(() => {
    ;(window as { __OBSERVATORY_TEST__?: boolean }).__OBSERVATORY_TEST__ = true
  })
  w = await openPage(session, `${baseUrl}#/board`)
  await waitForMark(w.page, 'data-ready')
})
afterAll(async () => {
  await session?.close()
})

const fingerprint = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __observatory: { fingerprint(): Promise<unknown> } }).__observatory.fingerprint(),
  )

const pin = (id: string, sql: string, title = `攻击 ${id}`) => ({
  id,
  spec: { source: { kind: 'query', sql }, x: 'a', y: null, agg: 'count', series: null, type: 'bar', title },
})

/** The pins the board shows settle (drawn, or refused with a message). */
async function boardSettled(page: Page) {
  await page.waitForFunction(
    () => {
      const pins = [...document.querySelectorAll('[data-widget^="pin-"]')]
      return pins.every((p) => p.getAttribute('data-state') !== 'loading')
    },
    undefined,
    { timeout: 30_000 },
  )
}

describe('我的看板 refuses pins that would write', () => {
  it('on reload: the issue’s pins and disguised writes are refused, and no table changes', async () => {
    const { page } = w
    const before = await fingerprint(page)
    const stored = [
      pin('pin-issue-1', ISSUE_PINS[0]!, '篡改观察点名称'),
      pin('pin-issue-2', ISSUE_PINS[1]!),
      pin('pin-dollar', TRICKS.cjkDollar!(1, 'DELETE FROM point_issues')),
      pin('pin-escape', TRICKS.cjkEscape!(2, 'DELETE FROM key_projects')),
      pin('pin-cr', TRICKS.crComment!(2, 'DROP TABLE clusters')),
      // These pass the schema and the statement check; DuckDB itself refuses them.
      pin('pin-with-delete', 'WITH x AS (SELECT 1) DELETE FROM point_issues'),
      pin('pin-summarize', DISGUISED[4]!),
      pin('pin-ok', 'SELECT name AS a FROM clusters', '正常的图表'),
      { id: 'pin-extra', spec: pin('x', 'SELECT 1 AS a').spec, run: 'DELETE FROM point_issues' },
    ]
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [PINS_KEY, JSON.stringify(stored)])
    await page.reload()
    await waitForMark(page, 'data-ready')
    const note = page.locator('[data-pins-rejected]')
    await note.waitFor()
    expect(await note.getAttribute('data-pins-rejected')).toBe('6')
    expect(await note.textContent()).toContain('其中的查询没有执行')
    expect(await note.textContent()).toContain('“篡改观察点名称”')
    expect(await note.textContent()).toContain('一次只能执行一条语句')
    expect(await note.textContent()).toContain('含有未知的字段')
    await boardSettled(page)
    expect(await page.locator('[data-widget="pin-board"]').getAttribute('data-pins')).toBe('3')
    // The two that reached DuckDB are refused by it, with its message; the good one is drawn.
    await expect
      .poll(() => page.locator('[data-pin="pin-with-delete"]').textContent())
      .toContain('只能执行一条只读查询')
    await expect.poll(() => page.locator('[data-pin="pin-summarize"]').getAttribute('data-pin-problem')).toBe('true')
    await expect.poll(() => page.locator('[data-widget="pin-2"]').getAttribute('data-state')).toBe('ready')
    await page.waitForTimeout(1500)
    expect(await fingerprint(page)).toEqual(before)
    await page.screenshot({ path: `${SHOTS}/board-pin-attack.png`, fullPage: true })
  })

  it('while open: a pin written by another same-origin document is checked as it arrives', async () => {
    const { page } = w
    const before = await fingerprint(page)
    const other = await session.context.newPage()
    await other.goto(`${baseUrl}favicon.svg`)
    await other.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [
        PINS_KEY,
        JSON.stringify([
          pin(
            'pin-live',
            ISSUE_PINS[0]!.replace('DELETE FROM point_issues', 'DELETE FROM key_projects'),
            '另一页面写入',
          ),
          pin('pin-live-2', 'WITH x AS (SELECT 1) DELETE FROM key_projects', '另一页面写入 2'),
        ]),
      ],
    )
    await other.close()
    const note = page.locator('[data-pins-rejected]')
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toContain('另一页面写入')
    await boardSettled(page)
    await expect
      .poll(() => page.locator('[data-pin="pin-live-2"]').textContent(), { timeout: 10_000 })
      .toContain('只能执行一条只读查询')
    // The issue saw the DELETE within 5 s: wait longer than that.
    await page.waitForTimeout(6000)
    expect(await fingerprint(page)).toEqual(before)
    await page.screenshot({ path: `${SHOTS}/board-pin-live-attack.png`, fullPage: true })
  })
})

const consoleWidget = (page: Page) => page.locator('[data-widget="sql-console"]')

async function runSql(page: Page, sql: string): Promise<string> {
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(sql)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+Enter')
  await page.waitForFunction(
    () => {
      const run = document.querySelector('[data-widget="sql-console"]')?.getAttribute('data-run')
      return run !== 'running' && run !== 'idle'
    },
    undefined,
    { timeout: 90_000 },
  )
  return (await consoleWidget(page).getAttribute('data-run')) ?? ''
}

describe('the SQL console and the chart builder', () => {
  it('the console refuses every trick, and no table changes', async () => {
    const page = w.page
    await page.evaluate(() => (location.hash = '#/explore'))
    await page.locator('.cm-content').waitFor()
    const before = await fingerprint(page)
    const texts = [
      ...ISSUE_PINS,
      ...Object.values(TRICKS).map((trick, k) => trick(k % 4, "UPDATE observation_points SET name = '已被看板篡改'")),
      ...DISGUISED,
    ]
    for (const text of texts) {
      const outcome = await runSql(page, text)
      expect(['rejected', 'error'], text).toContain(outcome)
    }
    expect(await fingerprint(page)).toEqual(before)
  }, 300_000)

  it('the builder draws from the console’s query and from a table, writing nothing', async () => {
    const page = w.page
    const before = await fingerprint(page)
    // A query full of the characters the tricks use, which is still one read.
    expect(await runSql(page, 'SELECT name AS 中$$, \'a;b\' AS "x;y", sort_order FROM clusters -- ;\r')).toBe('done')
    const builder = page.locator('[data-widget="chart-builder"]')
    const preview = page.locator('[data-widget="chart-builder-preview"]')
    await builder.locator('select[name="source"]').selectOption({ label: '控制台的当前查询' })
    await builder.locator('select[name="x"]').selectOption('中$$')
    await builder.locator('select[name="agg"]').selectOption('sum')
    await builder.locator('select[name="y"]').selectOption('sort_order')
    await expect.poll(() => preview.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    await builder.locator('select[name="source"]').selectOption('point_issues')
    await builder.locator('select[name="agg"]').selectOption('count')
    await expect.poll(() => preview.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    expect(await fingerprint(page)).toEqual(before)
  })

  it('a 100,000,000-character value does not crash the tab: it is cut, and a cut value downloads whole', async () => {
    const page = w.page
    expect(await runSql(page, "SELECT repeat('x', 100000000) AS big, 1 AS n")).toBe('done')
    const cut = page.locator('[data-cut-cells]')
    expect(await cut.getAttribute('data-cut-cells')).toBe('1')
    expect(await cut.textContent()).toContain('共 100,000,000 个字符')
    const cell = page.locator('[data-widget="sql-console"] [role="row"]').nth(1)
    const text = (await cell.textContent()) ?? ''
    expect(text.length).toBeLessThan(2200)
    expect(text).toContain('已截断，共 100,000,000 个字符')
    await page.screenshot({ path: `${SHOTS}/console-cut.png` })
    // The page still answers, and so does the engine.
    expect(await runSql(page, 'SELECT 42 AS answer')).toBe('done')

    expect(await runSql(page, "SELECT repeat('ab', 3000000) || '末' AS long_text")).toBe('done')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="download-cell"]').first().click(),
    ])
    const path = await download.path()
    const { readFileSync } = await import('node:fs')
    const full = readFileSync(path, 'utf8')
    expect(full.length).toBe(6_000_001)
    expect(full.endsWith('b末')).toBe(true)
    expect(download.suggestedFilename()).toBe('查询结果_第1行_long_text.txt')
    expect(w.pageErrors).toEqual([])
  }, 180_000)
})
