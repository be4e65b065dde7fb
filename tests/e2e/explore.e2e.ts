import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { type NodeEngine, startNodeEngine } from '../../src/db/node'
import { loadEmbeddedData } from '../support/embedded'
import { query } from '../support/engine'
import { launchBrowser, openPage, type Session, type Watched } from './support/browser'
import { waitForMark } from './support/marks'

const baseUrl = inject('baseUrl')
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/ex-shots'
const HOSTILE = '<img src=x onerror=alert(1)>'
let session: Session
let engine: NodeEngine
let w: Watched

beforeAll(async () => {
  engine = await startNodeEngine()
  await loadEmbeddedData(engine)
  session = await launchBrowser({ width: 1920, height: 1080 })
  w = await openPage(session, `${baseUrl}#/explore`)
  await waitForMark(w.page, 'data-ready')
  await w.page.locator('.cm-content').waitFor()
})
afterAll(async () => {
  await session?.close()
  await engine?.terminate()
})

const consoleWidget = (page: Page) => page.locator('[data-widget="sql-console"]')

/** Puts the SQL in the editor and runs it with Ctrl+Enter; returns the console's outcome. */
async function runSql(page: Page, sql: string, wait = true): Promise<string> {
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(sql)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+Enter')
  if (!wait) return 'running'
  await page.waitForFunction(() => {
    const run = document.querySelector('[data-widget="sql-console"]')?.getAttribute('data-run')
    return run !== 'running' && run !== 'idle'
  })
  return (await consoleWidget(page).getAttribute('data-run')) ?? ''
}

describe('SQL console', () => {
  it('completes table names from the registry, with their Chinese labels', async () => {
    const { page } = w
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
    await page.keyboard.type('SELECT * FROM point_ind')
    const popup = page.locator('.cm-tooltip-autocomplete')
    await popup.waitFor()
    expect(await popup.textContent()).toContain('point_indicators')
    await page.screenshot({ path: `${SHOTS}/explore-completion.png` })
    await page.keyboard.press('Escape')
  })

  it('runs a query with Ctrl+Enter and shows as many rows as DuckDB in Node counts', async () => {
    const { page } = w
    const sql =
      'SELECT period, point_id, output_value FROM point_indicators WHERE employees > 100 ORDER BY output_value DESC'
    expect(await runSql(page, sql)).toBe('done')
    const [{ n }] = (await query<{ n: number }>(engine, `SELECT count(*)::INTEGER AS n FROM (${sql})`)) as [
      { n: number },
    ]
    expect(n).toBeGreaterThan(0)
    expect(Number(await page.locator('[data-result-rows]').getAttribute('data-result-rows'))).toBe(n)
    // The grid shows the first rows, in the query's order.
    const [top] = (await query<{ output_value: number }>(engine, `${sql} LIMIT 1`)) as [{ output_value: number }]
    await expect.poll(() => page.locator('[data-widget="sql-console"] [role="row"]').count()).toBeGreaterThan(5)
    expect(await page.locator('[data-widget="sql-console"]').textContent()).toContain(String(top.output_value))
    // It is in the history, on top.
    await expect.poll(() => page.locator('.history-item__sql').first().textContent()).toBe(sql)
    await page.screenshot({ path: `${SHOTS}/explore-console.png` })
  })

  it('caps a million-row result at 10,000 rows and says so', async () => {
    const { page } = w
    expect(await runSql(page, 'SELECT range AS n, range * 2 AS doubled FROM range(1000000)')).toBe('done')
    const status = page.locator('[data-result-rows]')
    expect(await status.getAttribute('data-result-rows')).toBe('1000000')
    expect(await status.getAttribute('data-result-shown')).toBe('10000')
    expect(await status.textContent()).toContain('只显示前 10,000 行')
  })

  it("shows DuckDB's own message for an error, with a Chinese lead-in", async () => {
    const { page } = w
    expect(await runSql(page, 'SELECT nope FROM point_indicators')).toBe('error')
    const message = page.locator('[data-message="error"]')
    expect(await message.textContent()).toContain('查询出错，DuckDB 返回的信息如下')
    expect(await message.textContent()).toContain('Referenced column "nope" not found')
    await page.screenshot({ path: `${SHOTS}/explore-error.png` })
  })

  it('refuses to change data: DROP is not run and the table is intact', async () => {
    const { page } = w
    expect(await runSql(page, 'DROP TABLE point_indicators')).toBe('rejected')
    expect(await page.locator('[data-message="rejected"]').textContent()).toContain('控制台只读')
    expect(await runSql(page, 'SELECT count(*) AS n FROM point_indicators')).toBe('done')
    const [{ n }] = (await query<{ n: number }>(engine, 'SELECT count(*)::INTEGER AS n FROM point_indicators')) as [
      { n: number },
    ]
    expect(await page.locator('[data-widget="sql-console"] [role="row"]').nth(1).textContent()).toContain(String(n))
  })

  it('cancels a long cross join, and the console works afterwards', async () => {
    const { page } = w
    await runSql(page, 'SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range + b.range = -1', false)
    await page.waitForFunction(
      () => document.querySelector('[data-widget="sql-console"]')?.getAttribute('data-run') === 'running',
    )
    await page.waitForTimeout(800)
    await page.screenshot({ path: `${SHOTS}/explore-running.png` })
    const started = Date.now()
    await page.locator('[data-action="cancel"]').click()
    await page.waitForFunction(
      () => document.querySelector('[data-widget="sql-console"]')?.getAttribute('data-run') === 'cancelled',
      undefined,
      { timeout: 15_000 },
    )
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(await page.locator('[data-cancelled]').textContent()).toContain('查询已取消')
    await expect.poll(() => page.locator('.history-item').first().textContent()).toContain('已取消')
    expect(await runSql(page, 'SELECT 42 AS answer')).toBe('done')
    expect(await page.locator('[data-result-rows]').getAttribute('data-result-rows')).toBe('1')
  })

  it('puts a query from the history back in the editor', async () => {
    const { page } = w
    // A failed run is kept too (marked 出错); a refused one is not run and not kept.
    const item = page.locator('.history-item', { hasText: 'SELECT nope FROM point_indicators' })
    expect(await item.textContent()).toContain('出错')
    expect(await page.locator('.history-item', { hasText: 'DROP TABLE' }).count()).toBe(0)
    await item.click()
    await expect.poll(() => page.locator('.cm-content').textContent()).toBe('SELECT nope FROM point_indicators')
  })
})

describe('chart builder and 我的看板', () => {
  it('builds a chart, pins it, and after a reload the pin is there and drawn', async () => {
    const { page } = w
    const builder = page.locator('[data-widget="chart-builder"]')
    const preview = page.locator('[data-widget="chart-builder-preview"]')
    // The console's query as the source: a pie of staff by cluster.
    expect(
      await runSql(
        page,
        'SELECT cluster_id, count(*) AS points, sum(employees) AS staff FROM observation_points GROUP BY ALL',
      ),
    ).toBe('done')
    await builder.locator('select[name="source"]').selectOption({ label: '控制台的当前查询' })
    await builder.locator('select[name="type"]').selectOption('pie')
    await builder.locator('select[name="x"]').selectOption('cluster_id')
    await builder.locator('select[name="y"]').selectOption('staff')
    await expect.poll(() => preview.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    expect(await preview.locator('.widget__subtitle').textContent()).toContain('控制台查询')
    expect(await preview.locator('canvas').count()).toBeGreaterThan(0)
    await builder.scrollIntoViewIfNeeded()
    await page.waitForTimeout(600) // the entry animation, for the screenshot
    await page.screenshot({ path: `${SHOTS}/explore-builder-query.png` })

    await builder.locator('select[name="source"]').selectOption('point_indicators')
    await builder.locator('select[name="type"]').selectOption('line')
    await builder.locator('select[name="x"]').selectOption('period')
    await builder.locator('select[name="agg"]').selectOption('sum')
    await builder.locator('select[name="y"]').selectOption('output_value')
    await builder.locator('input[name="title"]').fill('月度产值合计')
    await expect.poll(() => preview.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    expect(await preview.locator('canvas').count()).toBeGreaterThan(0)
    await page.screenshot({ path: `${SHOTS}/explore-builder.png`, fullPage: true })
    await builder.locator('[data-action="pin"]').click()
    await expect.poll(() => builder.locator('[data-pinned]').textContent()).toContain('月度产值合计')

    // A pin whose table has gone, and one on a hostile name: messages, not crashes.
    await page.evaluate((hostile) => {
      const pins = JSON.parse(localStorage.getItem('observatory.board.pins') ?? '[]') as unknown[]
      const spec = (table: string, x: string, title: string) => ({
        source: { kind: 'table', table },
        x,
        y: null,
        agg: 'count',
        series: null,
        type: 'bar',
        title,
      })
      pins.push(
        { id: 'gone', spec: spec('gone_table', 'a', '已删除的表') },
        { id: 'hostile', spec: spec('point_indicators', hostile, hostile) },
      )
      localStorage.setItem('observatory.board.pins', JSON.stringify(pins))
    }, HOSTILE)
    await page.evaluate(() => {
      location.hash = '#/board'
    })
    await page.reload()
    await waitForMark(page, 'data-ready')
    const board = page.locator('[data-widget="pin-board"]')
    await expect.poll(() => board.getAttribute('data-pins')).toBe('3')
    const first = page.locator('[data-widget="pin-0"]')
    await expect.poll(() => first.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    expect(await first.locator('.widget__title').textContent()).toBe('月度产值合计')
    expect(await first.locator('canvas').count()).toBeGreaterThan(0)
    await expect.poll(() => page.locator('[data-widget="pin-1"]').textContent()).toContain('表“gone_table”已不存在')
    await expect
      .poll(() => page.locator('[data-widget="pin-2"]').textContent())
      .toContain(`表“point_indicators”中已没有列：“${HOSTILE}”`)
    expect(await page.locator('img').count()).toBe(0)
    await page.screenshot({ path: `${SHOTS}/board.png` })
  })

  it('renames, reorders and removes pins, and keeps that across a reload', async () => {
    const { page } = w
    const first = page.locator('[data-widget="pin-0"]')
    await first.locator('[data-action="rename"]').click()
    await page.locator('.pin-rename input').fill('产值（重命名）')
    await page.locator('.pin-rename button[type="submit"]').click()
    await expect.poll(() => first.locator('.widget__title').textContent()).toBe('产值（重命名）')
    await page.locator('[data-widget="pin-1"] [data-action="remove"]').click()
    await page.locator('[aria-label^="下移“产值（重命名）”"]').click()
    await page.reload()
    await waitForMark(page, 'data-ready')
    await expect
      .poll(() =>
        page.locator('[data-pin-title]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pin-title'))),
      )
      .toEqual([HOSTILE, '产值（重命名）'])
    await expect
      .poll(() => page.locator('[data-widget="pin-1"]').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('ready')
    // The explore page in the dark theme, for a look.
    await page.evaluate(() => {
      location.hash = '#/explore'
    })
    await page.locator('.cm-content').waitFor()
    await page.locator('.theme-toggle').click()
    await runSql(page, 'SELECT town_id, count(*) AS points FROM observation_points GROUP BY ALL ORDER BY points DESC')
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' -- observation_p')
    await page.keyboard.press('Control+Space')
    await page.screenshot({ path: `${SHOTS}/explore-dark.png` })
    expect(w.pageErrors).toEqual([])
    expect(w.foreignRequests).toEqual([])
  })
})
