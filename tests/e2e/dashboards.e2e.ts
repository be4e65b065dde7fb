import { describe, expect, inject, it } from 'vitest'

import { bigIndicatorFiles } from '../../bench/lib/big-data'
import { type ClustersSummaryRow, clustersSummarySql, pointsTableSql } from '../../src/queries/clusters'
import type { FilterSet } from '../../src/queries/filters'
import { type OutputYtdRow, outputYtdSql, type PointsReportingRow, pointsReportingSql } from '../../src/queries/kpi'
import { LATEST } from '../../src/queries/scope'
import { clustersNarrative } from '../../src/widgets/clusters/narrative'
import { presentOutputYtd, presentPointsReporting } from '../../src/widgets/kpi/present'
import { overviewNarrative } from '../../src/widgets/overview/narrative'
import { query, wrap } from '../support/engine'
import { overviewSummary } from '../support/overview'
import { chartAtRest, enableChartHooks, itemPosition, settledAfter } from './support/charts'
import { useEmbeddedData } from './support/embedded'
import { usePageHarness } from './support/harness'
import { waitForMark, widgetStates } from './support/marks'

const baseUrl = inject('baseUrl')
const h = usePageHarness()
const embedded = useEmbeddedData()
const { one } = h

async function openReady(path: string) {
  const page = await h.session.context.newPage()
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  await enableChartHooks(page)
  await page.goto(`${baseUrl}${path}`)
  await waitForMark(page, 'app-ready')
  return { page, errors }
}

type Page = Awaited<ReturnType<typeof openReady>>['page']

/** Queries the page has sent so far: for views, and ahead of them (prefetched). */
const queriesSent = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { __observatory: { queriesSent(): { views: number; prefetched: number } } }
    ).__observatory.queriesSent(),
  )

/** Waits until the idle page has stopped prefetching (no new query for three looks 400 ms apart); returns the counts then. */
async function prefetchDone(page: Page) {
  let before = await queriesSent(page)
  for (let still = 0; still < 3;) {
    await page.waitForTimeout(400)
    const now = await queriesSent(page)
    still = now.prefetched === before.prefetched ? still + 1 : 0
    before = now
  }
  return before
}

const text = (page: Awaited<ReturnType<typeof openReady>>['page'], selector: string) =>
  page.locator(selector).first().textContent()
const kpiText = (page: Awaited<ReturnType<typeof openReady>>['page'], id: string) =>
  page.locator(`[data-widget="${id}"]`).evaluate((el) => ({
    value: el.querySelector('.figure__number')?.textContent,
    lines: [...el.querySelectorAll('.figure__line')].map((l) => l.textContent?.replace(/^[▲▼]\s*/, '')),
  }))

describe('Overview', () => {
  it('renders every widget with data, and its narrative is the SQL in words', async () => {
    const { page, errors } = await openReady('')
    const states = await widgetStates(page)
    expect(Object.keys(states).sort()).toEqual(
      [
        'cluster-ytd',
        'filters',
        'kpi-livelihood-progress',
        'kpi-output-ytd',
        'kpi-points-reporting',
        'kpi-project-investment',
        'kpi-suggestions',
        'overview-activities',
        'overview-livelihood',
        'overview-narrative',
        'overview-project-status',
        'town-map',
      ].sort(),
    )
    expect(Object.values(states).every((s) => s === 'ready')).toBe(true)
    expect(await text(page, '[data-testid="narrative"]')).toBe(
      overviewNarrative(await overviewSummary(h.engine, LATEST)),
    )
    expect(errors).toEqual([])
    await page.close()
  })

  it('cross-filters the page when a cluster bar is clicked, to the figures SQL gives for that cluster, and the chip removes it', async () => {
    const { page, errors } = await openReady('')
    const bar = await itemPosition(page, 'cluster-ytd', 0, [0, 1])
    const t0 = await page.evaluate(() => performance.now())
    await page.mouse.click(bar.x, bar.y - 4)
    await settledAfter(page, t0)
    expect(page.url()).toContain('cluster=equipment')
    // The chart was rebuilt under the resting mouse; moving it must not trip ECharts' hover state.
    await page.mouse.move(bar.x + 60, bar.y + 30)
    await page.mouse.move(bar.x + 200, bar.y - 100)

    const filters: FilterSet = { clusters: ['equipment'] }
    const expected = presentOutputYtd(await one<OutputYtdRow>(outputYtdSql(filters)))
    expect(await kpiText(page, 'kpi-output-ytd')).toEqual({ value: expected.value, lines: [...expected.lines] })
    const points = presentPointsReporting(await one<PointsReportingRow>(pointsReportingSql(filters)))
    expect((await kpiText(page, 'kpi-points-reporting')).value).toBe(points.value)
    expect(await text(page, '[data-testid="narrative"]')).toBe(
      overviewNarrative(await overviewSummary(h.engine, filters)),
    )
    await expect(page.locator('.chip').first().textContent()).resolves.toContain('集群：高端装备')

    // The clicked chart is not filtered by its own selection: all six clusters stay, the others dimmed.
    const t1 = await page.evaluate(() => performance.now())
    await page.getByRole('button', { name: '移除筛选 集群：高端装备' }).click()
    await settledAfter(page, t1)
    const all = presentOutputYtd(await one<OutputYtdRow>(outputYtdSql(LATEST)))
    expect((await kpiText(page, 'kpi-output-ytd')).value).toBe(all.value)
    expect(page.url()).not.toContain('cluster=')
    expect(errors).toEqual([])
    await page.close()
  })

  it('selects a town by clicking it on the map', async () => {
    const { page } = await openReady('')
    // 沙溪镇's approximate centre; a click there lands on the town or one of its markers, which carry the town.
    const spot = await itemPosition(page, 'town-map', 0, [121.03, 31.575])
    const t0 = await page.evaluate(() => performance.now())
    await page.mouse.click(spot.x, spot.y)
    await settledAfter(page, t0)
    expect(page.url()).toContain('town=shaxi')
    const expected = presentPointsReporting(await one<PointsReportingRow>(pointsReportingSql({ towns: ['shaxi'] })))
    expect(await kpiText(page, 'kpi-points-reporting')).toEqual({ value: expected.value, lines: [...expected.lines] })
    await page.close()
  })
})

describe('Industry clusters', () => {
  it('renders every widget with data', async () => {
    const { page, errors } = await openReady('#/clusters')
    const states = await widgetStates(page)
    for (const id of [
      'clusters-narrative',
      'filters',
      'cluster-ytd',
      'cluster-share',
      'cluster-trend',
      'early-warning',
      'cluster-heatmap',
      'point-issues',
      'point-ranking',
      'points-table',
    ]) {
      expect(states[id], id).toBe('ready')
    }
    expect(await text(page, '[data-testid="narrative"]')).toBe(
      clustersNarrative(await one<ClustersSummaryRow>(clustersSummarySql(LATEST))),
    )
    expect(errors).toEqual([])
    await page.close()
  })

  it('cross-filters from the share chart: the narrative and the points table follow the SQL for the clicked cluster', async () => {
    const { page } = await openReady('#/clusters')
    // The biomed slice: find its centre from the pie's layout, once the pie has grown into place.
    await chartAtRest(page, 'cluster-share')
    const slice = await page.evaluate(() => {
      const el = document.querySelector('[data-widget="cluster-share"] .echart') as HTMLElement
      const chart = (window as unknown as { __observatory: { chart(e: Element): unknown } }).__observatory.chart(
        el,
      ) as {
        getModel(): {
          getSeriesByIndex(i: number): {
            getData(): {
              count(): number
              getItemLayout(i: number): {
                cx: number
                cy: number
                r: number
                r0: number
                startAngle: number
                endAngle: number
              }
              getItemModel(i: number): { option: { key: string } }
            }
          }
        }
      }
      const data = chart.getModel().getSeriesByIndex(0).getData()
      for (let i = 0; i < data.count(); i++) {
        if (data.getItemModel(i).option.key !== 'biomed') continue
        el.scrollIntoView({ block: 'center', behavior: 'instant' })
        const l = data.getItemLayout(i)
        const a = (l.startAngle + l.endAngle) / 2
        const r = (l.r + l.r0) / 2
        const box = el.getBoundingClientRect()
        return { x: box.left + l.cx + r * Math.cos(a), y: box.top + l.cy + r * Math.sin(a) }
      }
      throw new Error('no biomed slice')
    })
    const t0 = await page.evaluate(() => performance.now())
    await page.mouse.click(slice.x, slice.y)
    await settledAfter(page, t0)
    expect(page.url()).toContain('cluster=biomed')
    const filters: FilterSet = { clusters: ['biomed'] }
    expect(await text(page, '[data-testid="narrative"]')).toBe(
      clustersNarrative(await one<ClustersSummaryRow>(clustersSummarySql(filters))),
    )
    const [{ n }] = (await query<{ n: number }>(
      h.engine,
      wrap(pointsTableSql(filters), (sql) => `SELECT count(*) AS n FROM (${sql})`),
    )) as [{ n: number }]
    await expect(page.locator('[data-widget="points-table"] .widget__subtitle').textContent()).resolves.toBe(`${n}行`)
    await page.close()
  })

  it('redraws its charts at once on a cross-filter click: the frame after the page settles is the final one', async () => {
    const { page, errors } = await openReady('#/clusters')
    // A page at rest: the charts' first appearance (their one animation, 300 ms) is over.
    await page.waitForTimeout(600)
    const bar = await itemPosition(page, 'cluster-ytd', 0, [1, 0])
    const t0 = await page.evaluate(() => performance.now())
    await page.mouse.click(bar.x, bar.y - 3)
    await settledAfter(page, t0)
    expect(page.url()).toContain('cluster=')
    // The ranking now lists other points: replaying the entry animation would grow their bars for 300 ms.
    const pixels = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-widget] .echart canvas')].map((c) => (c as HTMLCanvasElement).toDataURL()),
      )
    const first = await pixels()
    await page.waitForTimeout(450)
    const later = await pixels()
    expect(first.length).toBeGreaterThanOrEqual(5)
    // The clicked chart is left out: the mouse rests on it, and its hover highlight may still ease in.
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll('[data-widget] .echart canvas')].map((c) =>
        c.closest('[data-widget]')!.getAttribute('data-widget'),
      ),
    )
    const changed = ids.filter((id, i) => id !== 'cluster-ytd' && first[i] !== later[i])
    expect(changed).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('reproduces a view from its URL', async () => {
    const filters: FilterSet = { year: 2025, toMonth: 6, clusters: ['materials'], towns: ['port'] }
    const { page } = await openReady('#/clusters?year=2025&to=6&cluster=materials&town=port')
    expect(await text(page, '[data-testid="narrative"]')).toBe(
      clustersNarrative(await one<ClustersSummaryRow>(clustersSummarySql(filters))),
    )
    await expect(page.locator('.chip').allTextContents()).resolves.toEqual([
      '年度：2025年×',
      '止：6月×',
      '集群：先进材料×',
      '镇区：太仓港区×',
    ])
    await expect(page.getByRole('button', { name: '先进材料', pressed: true }).count()).resolves.toBe(1)
    await page.close()
  })

  it('opens a point detail with all its indicators from the ranking', async () => {
    const { page } = await openReady('#/clusters')
    const top = await page.evaluate(() => {
      const el = document.querySelector('[data-widget="point-ranking"] .echart') as HTMLElement
      const chart = (window as unknown as { __observatory: { chart(e: Element): unknown } }).__observatory.chart(
        el,
      ) as { getOption(): { yAxis: { data: string[] }[] } }
      return chart.getOption().yAxis[0]!.data.length - 1
    })
    const spot = await itemPosition(page, 'point-ranking', 0, [1, top])
    const t0 = await page.evaluate(() => performance.now())
    await page.mouse.click(spot.x + 2, spot.y)
    await settledAfter(page, t0)
    expect(page.url()).toMatch(/point=P\d\d/)
    const states = await widgetStates(page)
    expect([states['point-profile'], states['point-series'], states['point-issue-list']]).toEqual([
      'ready',
      'ready',
      expect.stringMatching(/ready|empty/),
    ])
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => !location.hash.includes('point='))
    await page.close()
  })
})

describe('prefetching the next click', () => {
  // Each page with the chart and bar a test clicks, and the URL parameter that click sets.
  const PAGES = [
    { path: '#/clusters', widget: 'cluster-ytd', series: 0, item: 2, param: 'cluster' },
    { path: '#/', widget: 'cluster-ytd', series: 0, item: 2, param: 'cluster' },
    { path: '#/projects', widget: 'projects-pipeline', series: 0, item: 2, param: 'status' },
    { path: '#/livelihood', widget: 'livelihood-budget', series: 1, item: 1, param: 'category' },
    { path: '#/supervision', widget: 'supervision-activities', series: 1, item: 0, param: 'type' },
  ]
  for (const { path, widget, series, item, param } of PAGES) {
    it(`${path}: fetches the views one click away while idle, so a click after a pause sends no query`, async () => {
      const { page, errors } = await openReady(path)
      const sent = () => queriesSent(page)
      // Idle: the page fetches each cluster's (and on the Overview each town's) view, then stops.
      const before = await prefetchDone(page)
      expect(before.prefetched).toBeGreaterThan(0)
      // The middle of the bar, whichever way the chart lays its bars out.
      const bar = await page.evaluate(
        ({ widget, series, item }) => {
          const el = document.querySelector(`[data-widget="${widget}"] .echart`) as HTMLElement
          const chart = (window as unknown as { __observatory: { chart(e: Element): unknown } }).__observatory.chart(
            el,
          ) as {
            getModel(): {
              getSeriesByIndex(i: number): {
                getData(): { getItemLayout(i: number): { x: number; y: number; width: number; height: number } }
              }
            }
          }
          el.scrollIntoView({ block: 'center', behavior: 'instant' })
          const l = chart.getModel().getSeriesByIndex(series).getData().getItemLayout(item)
          const box = el.getBoundingClientRect()
          return { x: box.left + l.x + l.width / 2, y: box.top + l.y + l.height / 2 }
        },
        { widget, series, item },
      )
      // Watch for anything a user would see flicker: a widget showing "loading", a grid row
      // showing its placeholder while its rows are fetched.
      await page.evaluate(() => {
        const seen: string[] = []
        ;(window as unknown as { __flicker: string[] }).__flicker = seen
        new MutationObserver((records) => {
          for (const r of records) {
            const el = r.target as Element
            if (r.type === 'attributes' && el.getAttribute('data-state') === 'loading')
              seen.push(`${el.getAttribute('data-widget')} loading`)
            for (const n of r.addedNodes)
              if (n instanceof Element && n.matches('.data-table__cell--placeholder')) seen.push('grid placeholder row')
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] })
      })
      const t0 = await page.evaluate(() => performance.now())
      await page.mouse.click(bar.x, bar.y)
      await settledAfter(page, t0)
      expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get(param)).toBeTruthy()
      // Every widget was answered from what the idle page fetched: no view sent a query, and
      // the new view was drawn in one go, with no widget or grid row passing through "loading".
      expect((await sent()).views).toBe(before.views)
      expect(await page.evaluate(() => (window as unknown as { __flicker: string[] }).__flicker)).toEqual([])
      const cluster = new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('cluster')
      const filters: FilterSet = { clusters: [cluster!] }
      if (path === '#/clusters') {
        expect(await text(page, '[data-testid="narrative"]')).toBe(
          clustersNarrative(await one<ClustersSummaryRow>(clustersSummarySql(filters))),
        )
        const [{ n }] = (await query<{ n: number }>(
          h.engine,
          wrap(pointsTableSql(filters), (sql) => `SELECT count(*) AS n FROM (${sql})`),
        )) as [{ n: number }]
        await expect(page.locator('[data-widget="points-table"] .widget__subtitle').textContent()).resolves.toBe(
          `${n}行`,
        )
      } else if (path === '#/') {
        expect(await text(page, '[data-testid="narrative"]')).toBe(
          overviewNarrative(await overviewSummary(h.engine, filters)),
        )
      }
      expect(errors).toEqual([])
      await page.close()
    })
  }
})

describe('a view not fetched yet', () => {
  it('goes to the engine before the page redraws for it, each query once', async () => {
    const { page, errors } = await openReady('#/clusters')
    await prefetchDone(page)
    // In the page: when the first query went to the engine, and when React first marked a
    // widget "loading" (attributes are set synchronously in its commit).
    await page.evaluate(() => {
      const seen = { query: Infinity, loading: Infinity, sql: [] as string[] }
      ;(window as unknown as { __order: typeof seen }).__order = seen
      const post = Worker.prototype.postMessage
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
        const m = message as { type?: string; data?: unknown[] }
        if (m?.type === 'RUN_QUERY') {
          seen.query = Math.min(seen.query, performance.now())
          seen.sql.push(String(m.data?.[1]))
        }
        return (post as (this: Worker, ...a: unknown[]) => void).call(this, message, ...rest)
      }
      const set = Element.prototype.setAttribute
      Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
        if (name === 'data-state' && value === 'loading') seen.loading = Math.min(seen.loading, performance.now())
        return set.call(this, name, value)
      }
    })
    // A year is not a neighbour the page prefetches: every widget must ask anew.
    const t0 = await page.evaluate(() => performance.now())
    await page.locator('[data-widget="filters"] select').first().selectOption('2025')
    await settledAfter(page, t0)
    const order = await page.evaluate(
      () => (window as unknown as { __order: { query: number; loading: number; sql: string[] } }).__order,
    )
    expect(order.sql.length).toBeGreaterThan(3)
    expect(order.loading).toBeLessThan(Infinity)
    expect(order.query).toBeLessThan(order.loading)
    expect(new Set(order.sql).size).toBe(order.sql.length)
    expect(await text(page, '[data-testid="narrative"]')).toBe(
      clustersNarrative(await one<ClustersSummaryRow>(clustersSummarySql({ year: 2025 }))),
    )
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('the grid after a prefetched click', () => {
  it('keeps the rows it took from the cache while the user scrolls inside them: nothing is fetched again, no row blanks', async () => {
    // 4,348 points (generated, as the benchmark's), so the clusters page's grid scrolls.
    const big = bigIndicatorFiles(200_000)
    const page = await h.session.context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await embedded.serve(page, 'point_indicators', big.indicators)
    await embedded.serve(page, 'observation_points', big.points)
    await enableChartHooks(page)
    await page.goto(`${baseUrl}#/clusters`)
    await waitForMark(page, 'app-ready', 120_000)
    const sent = () => queriesSent(page)
    const before = await prefetchDone(page)
    const bar = await itemPosition(page, 'cluster-ytd', 0, [1, 0])
    const t0 = await page.evaluate(() => performance.now())
    await page.mouse.click(bar.x, bar.y - 3)
    await settledAfter(page, t0)
    expect((await sent()).views).toBe(before.views)
    const grid = page.locator('[data-widget="points-table"]')
    const total = Number((await grid.locator('.widget__subtitle').textContent())!.replace(/\D/g, ''))
    expect(total).toBeGreaterThan(200)
    // Row 150 is inside the first window the page prefetched (240 rows).
    await grid.locator('.data-table__scroll').evaluate((el) => {
      el.scrollIntoView({ block: 'center', behavior: 'instant' })
      el.scrollTop = 150 * 32
    })
    await page.waitForTimeout(500)
    expect(await grid.locator('.data-table__cell--placeholder').count()).toBe(0)
    expect(await grid.locator('.data-table__row[aria-rowindex="152"]').textContent()).toMatch(/^B\d{6}基准企业/)
    expect((await sent()).views).toBe(before.views)
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('untrusted text', () => {
  it('shows a point named <img src=x onerror=alert(1)> as text in a tooltip and a table, with no script run', async () => {
    const hostile = '<img src=x onerror=alert(1)>'
    const page = await h.session.context.newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await enableChartHooks(page)
    // P06 has the largest output, so it is on top of the ranking and of the table.
    await embedded.serve(page, 'observation_points', (csv) => csv.replace(/^P06,[^,]*,/m, `P06,${hostile},`))
    await page.goto(`${baseUrl}#/clusters`)
    await waitForMark(page, 'app-ready')

    const row = page.locator('[data-widget="points-table"] [aria-rowindex="2"] [role="cell"]').nth(1)
    await expect(row.textContent()).resolves.toBe(hostile)

    const top = await page.evaluate(() => {
      const el = document.querySelector('[data-widget="point-ranking"] .echart') as HTMLElement
      const chart = (window as unknown as { __observatory: { chart(e: Element): unknown } }).__observatory.chart(
        el,
      ) as { getOption(): { yAxis: { data: string[] }[] } }
      return chart.getOption().yAxis[0]!.data.length - 1
    })
    const spot = await itemPosition(page, 'point-ranking', 0, [1, top])
    await page.mouse.move(spot.x, spot.y)
    const tooltip = page
      .locator('[data-widget="point-ranking"] .echart div[style*="z-index"]')
      .filter({ hasText: '产业集群' })
    await expect(tooltip.first().textContent({ timeout: 5000 })).resolves.toContain(hostile)
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    expect(dialogs).toEqual([])
    await page.close()
  })
})
