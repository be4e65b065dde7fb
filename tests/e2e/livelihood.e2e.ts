import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'

import type { FilterSet } from '../../src/queries/filters'
import {
  livelihoodCategorySql,
  livelihoodItemsSql,
  type LivelihoodSummaryRow,
  livelihoodSummarySql,
  livelihoodSurveySql,
  livelihoodTableSql,
  type SurveyRow,
} from '../../src/queries/livelihood'
import { livelihoodNarrative } from '../../src/widgets/livelihood/narrative'
import { openPage, type Watched } from './support/browser'
import { chartAtRest, settledAfter } from './support/charts'
import { usePageHarness } from './support/harness'
import { waitForMark, widgetStates } from './support/marks'

const baseUrl = inject('baseUrl')
const EDUCATION = '教育'
const CHARTS = [
  'livelihood-progress',
  'livelihood-votes',
  'livelihood-monthly',
  'livelihood-budget',
  'livelihood-category',
]

/** What the page must show, computed in Node with the same builders over the same files. */
const h = usePageHarness({ chartHooks: true })
const { one, count } = h
const expectedNarrative = async (filters: FilterSet) =>
  livelihoodNarrative(await one<LivelihoodSummaryRow>(livelihoodSummarySql(filters)))

async function open(hash: string): Promise<Watched> {
  const w = await openPage(h.session, `${baseUrl}${hash}`)
  await waitForMark(w.page, 'app-ready')
  return w
}
const narrative = (page: Page) => page.locator('[data-testid="narrative"]').textContent()
const tableRows = (page: Page) => page.locator('[data-widget="livelihood-table"] .widget__subtitle').textContent()

/** A chart's first-series data items as drawn: key and opacity (1 highlighted, less when dimmed). */
function drawnItems(page: Page, widget: string, seriesIndex = 0) {
  return page.locator(`[data-widget="${widget}"] .echart`).evaluate((el, i) => {
    const chart = (window as unknown as { __observatory: { chart(e: Element): unknown } }).__observatory.chart(el) as {
      getOption(): { series: { data: { key: string; itemStyle?: { opacity?: number } }[] }[] }
    }
    return chart.getOption().series[i]!.data.map((d) => ({ key: d.key, opacity: d.itemStyle?.opacity ?? 1 }))
  }, seriesIndex)
}

/** The centre of a drawn bar or pie slice with this key, in page pixels, from the chart's own layout. */
function itemCentre(page: Page, widget: string, seriesIndex: number, key: string) {
  return page.locator(`[data-widget="${widget}"] .echart`).evaluate(
    (el, { seriesIndex, key }) => {
      type Layout = { x: number; y: number; width: number; height: number } & {
        cx: number
        cy: number
        r0: number
        r: number
        startAngle: number
        endAngle: number
      }
      const chart = (window as unknown as { __observatory: { chart(e: Element): unknown } }).__observatory.chart(
        el,
      ) as {
        getOption(): { series: { data: { key: string }[] }[] }
        getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(i: number): Layout } } }
      }
      el.scrollIntoView({ block: 'center', behavior: 'instant' })
      const index = chart.getOption().series[seriesIndex]!.data.findIndex((d) => d.key === key)
      if (index < 0) throw new Error(`no ${key} in ${widget}`)
      const l = chart.getModel().getSeriesByIndex(seriesIndex).getData().getItemLayout(index)
      const box = el.getBoundingClientRect()
      if ('cx' in l && l.cx !== undefined) {
        const angle = (l.startAngle + l.endAngle) / 2
        const radius = (l.r0 + l.r) / 2
        return { x: box.left + l.cx + radius * Math.cos(angle), y: box.top + l.cy + radius * Math.sin(angle) }
      }
      return { x: box.left + l.x + l.width / 2, y: box.top + l.y + l.height / 2 }
    },
    { seriesIndex, key },
  )
}

async function clickItem(page: Page, widget: string, seriesIndex: number, key: string) {
  await chartAtRest(page, widget)
  const at = await itemCentre(page, widget, seriesIndex, key)
  const t0 = await page.evaluate(() => performance.now())
  await page.mouse.click(at.x, at.y)
  await settledAfter(page, t0)
}

describe('the Livelihood items page', () => {
  it('opens with every widget drawn from the data, the narrative from SQL, no error and nothing off the origin', async () => {
    const w = await open('#/livelihood')
    const states = await widgetStates(w.page)
    for (const id of ['livelihood-narrative', 'filters', ...CHARTS, 'livelihood-table'])
      expect(states[id], id).toBe('ready')
    await expect(narrative(w.page)).resolves.toBe(await expectedNarrative({}))

    // Every item of the year is a bar; the table lists them all.
    const items = await count(livelihoodItemsSql({}))
    expect(items).toBeGreaterThan(0)
    expect(await drawnItems(w.page, 'livelihood-progress')).toHaveLength(items)
    await expect(tableRows(w.page)).resolves.toBe(`${items}行`)

    // The year-end survey: drawn once December is in, otherwise an honest empty state pointing to the latest survey.
    const survey = await one<SurveyRow>(livelihoodSurveySql({}))
    if (survey.to_month === 12 && survey.survey_year === survey.year)
      expect(states['livelihood-satisfaction']).toBe('ready')
    else {
      expect(states['livelihood-satisfaction']).toBe('empty')
      await expect(
        w.page.locator('[data-widget="livelihood-satisfaction"] .widget__message').textContent(),
      ).resolves.toContain('年末满意度测评尚未进行')
      if (survey.survey_year !== null) {
        // The link opens the latest survey there is.
        const link = w.page.getByTestId('survey-link')
        await expect(link.textContent()).resolves.toBe(`查看${survey.survey_year}年测评结果`)
        const t0 = await w.page.evaluate(() => performance.now())
        await link.click()
        await settledAfter(w.page, t0)
        expect(w.page.url()).toContain(`year=${survey.survey_year}`)
        expect((await widgetStates(w.page))['livelihood-satisfaction']).toBe('ready')
        await expect(narrative(w.page)).resolves.toBe(await expectedNarrative({ year: survey.survey_year }))
      }
    }

    expect(w.consoleErrors).toEqual([])
    expect(w.pageErrors).toEqual([])
    expect(w.foreignRequests).toEqual([])
    await w.page.close()
  })

  it('shows 2024, the year the work report counts 20 items, with its satisfaction survey', async () => {
    const w = await open('#/livelihood?year=2024')
    const states = await widgetStates(w.page)
    for (const id of ['livelihood-narrative', ...CHARTS, 'livelihood-satisfaction', 'livelihood-table'])
      expect(states[id], id).toBe('ready')
    const text = await narrative(w.page)
    expect(text).toContain('2024年，经人大代表票决的20项民生实事项目')
    expect(text).toContain('年末满意度测评20项')
    expect(text).toBe(await expectedNarrative({ year: 2024 }))
    expect(await drawnItems(w.page, 'livelihood-satisfaction')).toHaveLength(20)
    expect(w.consoleErrors).toEqual([])
    await w.page.close()
  })

  it('judges a month range at its last month', async () => {
    const w = await open('#/livelihood?to=6')
    await widgetStates(w.page)
    const text = await narrative(w.page)
    expect(text).toContain('截至6月')
    expect(text).toBe(await expectedNarrative({ toMonth: 6 }))
    await w.page.close()
  })

  it('reproduces a category view from its URL; charts that select categories keep every item and highlight the selection', async () => {
    const w = await open(`#/livelihood?category=${encodeURIComponent(EDUCATION)}`)
    await widgetStates(w.page)
    const filters: FilterSet = { categories: [EDUCATION] }
    await expect(narrative(w.page)).resolves.toBe(await expectedNarrative(filters))
    await expect(tableRows(w.page)).resolves.toBe(`${await count(livelihoodTableSql(filters))}行`)
    await expect(w.page.locator('.chip').first().textContent()).resolves.toContain(`类别：${EDUCATION}`)

    const bars = await drawnItems(w.page, 'livelihood-progress')
    expect(bars).toHaveLength(await count(livelihoodItemsSql({})))
    expect(bars.filter((b) => b.opacity === 1).map((b) => b.key)).toEqual(
      Array(await count(livelihoodTableSql(filters))).fill(EDUCATION),
    )
    const slices = await drawnItems(w.page, 'livelihood-category')
    expect(slices).toHaveLength(await count(livelihoodCategorySql({})))
    expect(slices.filter((s) => s.opacity === 1).map((s) => s.key)).toEqual([EDUCATION])
    expect(w.consoleErrors).toEqual([])
    await w.page.close()
  })

  it('cross-filters the page by a click on a slice, and a click on the same category in the budget chart clears it', async () => {
    const w = await open('#/livelihood')
    await widgetStates(w.page)
    await clickItem(w.page, 'livelihood-category', 0, EDUCATION)
    expect(decodeURIComponent(w.page.url())).toContain(`category=${EDUCATION}`)
    const filters: FilterSet = { categories: [EDUCATION] }
    await expect(narrative(w.page)).resolves.toBe(await expectedNarrative(filters))
    await expect(tableRows(w.page)).resolves.toBe(`${await count(livelihoodTableSql(filters))}行`)
    // The budget chart is not filtered by the category it selects: every category stays, the selection is highlighted.
    const budget = await drawnItems(w.page, 'livelihood-budget', 1)
    expect(budget).toHaveLength(await count(livelihoodCategorySql({})))
    expect(budget.filter((b) => b.opacity === 1).map((b) => b.key)).toEqual([EDUCATION])

    await clickItem(w.page, 'livelihood-budget', 1, EDUCATION)
    expect(decodeURIComponent(w.page.url())).not.toContain('category=')
    await expect(narrative(w.page)).resolves.toBe(await expectedNarrative({}))
    expect(w.consoleErrors).toEqual([])
    await w.page.close()
  })
})
