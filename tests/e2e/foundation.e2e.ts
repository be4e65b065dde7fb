import path from 'node:path'

import { describe, expect, inject, it } from 'vitest'

import { TABLES } from '../../src/datasets/registry'
import * as kpi from '../../src/queries/kpi'
import { LATEST } from '../../src/queries/scope'
import * as present from '../../src/widgets/kpi/present'
import { query } from '../support/engine'
import { openPage } from './support/browser'
import { embeddedFile } from './support/embedded'
import { usePageHarness } from './support/harness'
import { getMarks, waitForMark, widgetStates } from './support/marks'
import { serveUnderSubPath } from './support/static-server'

const baseUrl = inject('baseUrl')

/** What each KPI card must show: the same SQL, run in Node on the same files, presented the same way. */
const KPI_CARDS = [
  { id: 'kpi-points-reporting', sql: kpi.pointsReportingSql(LATEST), show: present.presentPointsReporting },
  { id: 'kpi-output-ytd', sql: kpi.outputYtdSql(LATEST), show: present.presentOutputYtd },
  { id: 'kpi-project-investment', sql: kpi.projectInvestmentSql(LATEST), show: present.presentProjectInvestment },
  { id: 'kpi-livelihood-progress', sql: kpi.livelihoodProgressSql(LATEST), show: present.presentLivelihood },
  { id: 'kpi-suggestions', sql: kpi.suggestionsSql(LATEST), show: present.presentSuggestions },
] as const

const h = usePageHarness()

describe('the built app on the embedded data', () => {
  it('opens to an Overview whose KPI cards show what the SQL computes, with no error and no request off the origin', async () => {
    const w = await openPage(h.session, baseUrl)
    await waitForMark(w.page, 'app-ready')
    const states = await widgetStates(w.page)
    for (const card of KPI_CARDS) expect(states[card.id], card.id).toBe('ready')

    for (const card of KPI_CARDS) {
      const [row] = await query<never>(h.engine, card.sql)
      const expected = card.show(row!)
      const shown = await w.page.locator(`[data-widget="${card.id}"]`).evaluate((el) => ({
        value: el.querySelector('.figure__number')?.textContent,
        unit: el.querySelector('.figure__unit')?.textContent,
        lines: [...el.querySelectorAll('.figure__line')].map((l) => l.textContent?.replace(/^[▲▼]\s*/, '')),
      }))
      expect(shown, card.id).toEqual({ value: expected.value, unit: expected.unit, lines: [...expected.lines] })
    }
    // The figures a user reads on the default data, spelled out once.
    await expect(
      w.page.locator('[data-widget="kpi-points-reporting"] .figure__line').first().textContent(),
    ).resolves.toBe('2026年10月已报送')
    await expect(w.page.locator('[data-widget="kpi-output-ytd"] .figure__line').first().textContent()).resolves.toBe(
      '2026年1—10月累计',
    )

    await expect(w.page.getByTestId('sample-badge').textContent()).resolves.toBe('示例数据')
    expect(w.consoleErrors).toEqual([])
    expect(w.pageErrors).toEqual([])
    expect(w.foreignRequests).toEqual([])
    const wasm = w.requests.filter((u) => /duckdb-(eh|mvp)[^/]*\.wasm/.test(u))
    expect(wasm).toHaveLength(1)

    const marks = await getMarks(w.page)
    expect(marks['duckdb-ready']).toBeGreaterThan(0)
    expect(marks['app-ready']).toBeGreaterThan(marks['duckdb-ready']!)
    await waitForMark(w.page, 'data-ready')
    // The charts warmed up off screen while the engine started are gone: only the page's own remain.
    await w.page.waitForFunction(
      () => !document.querySelector('body > [aria-hidden="true"] [_echarts_instance_]'),
      undefined,
      { timeout: 10_000 },
    )
    const charts = await w.page.evaluate(() =>
      [...document.querySelectorAll('[_echarts_instance_]')].map(
        (el) => el.closest('[data-widget]')?.getAttribute('data-widget') ?? 'outside a widget',
      ),
    )
    expect(charts.length).toBeGreaterThan(0)
    expect(charts).not.toContain('outside a widget')
    await w.page.close()
  })

  it('lists every table on the Datasets page with its real row count, and previews rows sorted by the database', async () => {
    const w = await openPage(h.session, `${baseUrl}#/datasets?table=point_indicators`)
    await waitForMark(w.page, 'data-ready')
    await waitForMark(w.page, 'app-ready')
    for (const table of TABLES) {
      const [row] = await query<{ n: number }>(h.engine, `SELECT count(*) AS n FROM "${table.name}"`)
      const n = row!.n
      await expect(w.page.locator(`[data-table="${table.name}"]`).getAttribute('data-rows'), table.name).resolves.toBe(
        String(n),
      )
    }
    const grid = w.page.getByRole('table', { name: '观察点月度指标数据预览' })
    await w.page.waitForSelector('[role="table"] [aria-rowindex="2"] [role="cell"]')
    await expect(grid.locator('[aria-rowindex="2"] [role="cell"]').first().textContent()).resolves.toBe('2023-01')

    // Sort by output, ascending: the first row is the smallest output in the table.
    await grid.getByRole('columnheader', { name: /产值（万元）/ }).click()
    const [min] = await query<{ smallest: number }>(
      h.engine,
      'SELECT min(output_value) AS smallest FROM point_indicators',
    )
    const smallest = min!.smallest
    const expected = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
      smallest,
    )
    await w.page.waitForFunction(
      (text) =>
        document.querySelector('[role="table"] [aria-rowindex="2"] [role="cell"]:nth-child(3)')?.textContent === text,
      expected,
    )
    await expect(grid.getByRole('columnheader', { name: /产值（万元）/ }).getAttribute('aria-sort')).resolves.toBe(
      'ascending',
    )
    expect(w.consoleErrors).toEqual([])
    await w.page.close()
  })

  it('ends a value too long for its column with an ellipsis and shows it whole on hover', async () => {
    const w = await openPage(h.session, `${baseUrl}#/datasets?table=clusters`)
    await waitForMark(w.page, 'app-ready')
    const grid = w.page.getByRole('table', { name: '产业集群数据预览' })
    const cell = grid.locator('[role="cell"] .data-table__text', { hasText: 'culture_tourism' })
    await cell.waitFor()
    const shown = await cell.evaluate((el) => ({
      cut: el.scrollWidth > el.clientWidth,
      ellipsis: getComputedStyle(el).textOverflow,
      title: el.getAttribute('title'),
    }))
    expect(shown).toEqual({ cut: true, ellipsis: 'ellipsis', title: 'culture_tourism' })
    await w.page.close()
  })

  it('works from a sub-path of an ordinary static web server', async () => {
    const server = await serveUnderSubPath(path.resolve('dist'), '/intranet/observatory/')
    try {
      const w = await openPage(h.session, server.url)
      await waitForMark(w.page, 'app-ready')
      const states = await widgetStates(w.page)
      expect(Object.values(states).every((s) => s === 'ready')).toBe(true)
      expect(
        w.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:')),
      ).toEqual([])
      expect(w.consoleErrors).toEqual([])
      await w.page.close()
    } finally {
      await server.close()
    }
  })
})

describe('while the data loads', () => {
  it('shows still placeholders: nothing on the page animates for as long as the engine takes to start', async () => {
    const page = await h.session.context.newPage()
    await page.goto(baseUrl)
    // While the engine starts, every widget waits with its placeholder.
    await page.waitForSelector('[data-widget="kpi-output-ytd"] .widget__placeholder')
    const endless = await page.evaluate(() => {
      if (performance.getEntriesByName('duckdb-ready', 'mark').length) return null
      return document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations === Infinity)
        .map((a) => ((a.effect as KeyframeEffect | null)?.target as Element | null)?.className ?? String(a))
    })
    // null: the engine was ready before the page could look (then there was nothing to wait for).
    if (endless !== null) expect(endless).toEqual([])
    await waitForMark(page, 'app-ready')
    await page.close()
  })
})

describe('a missing or corrupt embedded file', () => {
  it('puts a Chinese message naming the table in the widgets that need it, and the rest still render', async () => {
    const page = await h.session.context.newPage()
    await page.route(embeddedFile('project_progress'), (route) => route.fulfill({ status: 404, body: '' }))
    await page.goto(baseUrl)
    await waitForMark(page, 'app-ready')
    const states = await widgetStates(page)
    expect(states['kpi-project-investment']).toBe('error')
    await expect(page.locator('[data-widget="kpi-project-investment"] [role="alert"]').textContent()).resolves.toBe(
      '项目进度（project_progress）：文件缺失（HTTP 404）',
    )
    for (const id of ['kpi-points-reporting', 'kpi-output-ytd', 'kpi-livelihood-progress', 'kpi-suggestions'])
      expect(states[id], id).toBe('ready')
    await page.close()
  })

  it('says a file that arrives cut short is incomplete, and shows nothing of it', async () => {
    const page = await h.session.context.newPage()
    await page.route(embeddedFile('point_indicators'), async (route) => {
      const response = await route.fetch()
      const body = await response.body()
      await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) })
    })
    await page.goto(baseUrl)
    await waitForMark(page, 'app-ready')
    const states = await widgetStates(page)
    expect(states['kpi-output-ytd']).toBe('error')
    await expect(page.locator('[data-widget="kpi-output-ytd"] [role="alert"]').textContent()).resolves.toBe(
      '观察点月度指标（point_indicators）：文件不完整：数据在结尾之前中断',
    )
    // Tables that do not read the indicators are unaffected.
    expect(states['kpi-project-investment']).toBe('ready')
    expect(states['kpi-suggestions']).toBe('ready')
    await page.close()
  })
})
