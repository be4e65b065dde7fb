import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { projectGroupsScale } from '../../src/charts/projects'
import { formatPercent } from '../../src/lib/format'
import type { FilterSet } from '../../src/queries/filters'
import {
  PIPELINE,
  type PipelineRow,
  type ProjectGroupRow,
  type ProjectMonthRow,
  projectsByTownSql,
  projectsMonthlySql,
  projectsPipelineSql,
  type ProjectsSummaryRow,
  projectsSummarySql,
  projectsTableSql,
} from '../../src/queries/projects'
import { projectsNarrative } from '../../src/widgets/projects/narrative'
import { openPage, type Watched } from './support/browser'
import { settledAfter } from './support/charts'
import { usePageHarness } from './support/harness'
import { waitForMark, widgetStates } from './support/marks'

/**
 * The key-projects page on the embedded data: what it shows must be what the same SQL
 * builders give in Node over the same CSVs, before and after filtering from the URL, from a
 * filter chip and from the filter bar.
 */
const baseUrl = inject('baseUrl')
const WIDGETS = [
  'projects-narrative',
  'filters',
  'projects-monthly',
  'projects-pipeline',
  'projects-by-town',
  'projects-by-cluster',
  'projects-timeline',
  'projects-table',
]

const h = usePageHarness({ chartHooks: true })
const { rows, one, count } = h
let w: Watched

beforeAll(async () => {
  w = await openPage(h.session, `${baseUrl}#/projects`)
  await waitForMark(w.page, 'app-ready')
})
afterAll(async () => {
  await w?.page.close()
})

const expectedNarrative = async (filters: FilterSet) =>
  projectsNarrative(await one<ProjectsSummaryRow>(projectsSummarySql(filters)))

const narrative = (page: Page) => page.locator('[data-testid="narrative"]').textContent()
const subtitle = (page: Page, id: string) => page.locator(`[data-widget="${id}"] .widget__subtitle`).textContent()

/** The data items of a chart's series as the chart holds them. */
function chartItems(page: Page, widget: string, seriesIndex: number) {
  return page.evaluate(
    ({ widget, seriesIndex }) => {
      const el = document.querySelector(`[data-widget="${widget}"] .echart`)
      const chart =
        el &&
        ((window as unknown as { __observatory: { chart(e: Element): unknown } }).__observatory.chart(el) as
          { getOption(): { series: { data: unknown[] }[] } } | undefined)
      if (!chart) throw new Error(`no chart in ${widget}`)
      return chart.getOption().series[seriesIndex]!.data as {
        key: string
        value: number
        itemStyle?: { opacity?: number }
      }[]
    },
    { widget, seriesIndex },
  )
}

/** Runs an action and waits until the page has settled on the narrative the SQL gives for `filters`. */
async function settleOn(page: Page, filters: FilterSet, action: () => Promise<unknown>) {
  const expected = await expectedNarrative(filters)
  const t0 = await page.evaluate(() => performance.now())
  await action()
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="narrative"]')?.textContent === text,
    expected,
    { timeout: 30_000 },
  )
  await settledAfter(page, t0)
  return expected
}

describe('Key projects (重点项目)', () => {
  it('opens with every widget ready, each showing what the SQL gives, with no error and no request off the origin', async () => {
    const states = await widgetStates(w.page)
    for (const id of WIDGETS) expect(states[id], id).toBe('ready')

    await expect(narrative(w.page)).resolves.toBe(await expectedNarrative({}))
    await expect(subtitle(w.page, 'projects-table')).resolves.toBe(`${await count(projectsTableSql({}))}行`)
    const months = await rows<ProjectMonthRow>(projectsMonthlySql({}))
    await expect(subtitle(w.page, 'projects-monthly')).resolves.toContain(
      `累计完成年度计划${formatPercent(months[months.length - 1]!.completion)}`,
    )

    const pipeline = await rows<PipelineRow>(projectsPipelineSql({}))
    const bars = await chartItems(w.page, 'projects-pipeline', 0)
    expect(bars.map((b) => [b.key, b.value])).toEqual(pipeline.map((r) => [r.status, r.projects]))
    expect(bars.map((b) => b.key)).toEqual([...PIPELINE])

    expect(w.consoleErrors).toEqual([])
    expect(w.pageErrors).toEqual([])
    expect(w.foreignRequests).toEqual([])
  })

  it('filters the page to 在建 from the URL, the pipeline keeping every status and highlighting its own; a chip removes it', async () => {
    const unfiltered = await expectedNarrative({})
    const filters: FilterSet = { statuses: ['在建'] }
    const text = await settleOn(w.page, filters, () =>
      w.page.goto(`${baseUrl}#/projects?status=${encodeURIComponent('在建')}`),
    )
    expect(text).not.toBe(unfiltered)
    await expect(narrative(w.page)).resolves.toBe(text)
    await expect(subtitle(w.page, 'projects-table')).resolves.toBe(`${await count(projectsTableSql(filters))}行`)
    // Every body row of the grid says 在建 (once the rows of the new query have arrived).
    await w.page.waitForSelector('[data-widget="projects-table"] [aria-rowindex="2"] [role="cell"]:nth-child(8)')
    const statuses = await w.page
      .locator('[data-widget="projects-table"] [role="row"][aria-rowindex] [role="cell"]:nth-child(8)')
      .allTextContents()
    expect(statuses.length).toBeGreaterThan(0)
    expect(new Set(statuses)).toEqual(new Set(['在建']))

    // The pipeline is not filtered by its own dimension: the same counts, 在建 highlighted.
    const bars = await chartItems(w.page, 'projects-pipeline', 0)
    expect(bars.map((b) => b.value)).toEqual((await rows<PipelineRow>(projectsPipelineSql({}))).map((r) => r.projects))
    expect(bars.map((b) => b.itemStyle?.opacity)).toEqual(PIPELINE.map((s) => (s === '在建' ? 1 : 0.28)))
    // The other charts are filtered: the town chart's completed investment is 在建 projects only.
    const towns = await rows<ProjectGroupRow>(projectsByTownSql(filters))
    const completed = await chartItems(w.page, 'projects-by-town', 1)
    expect(completed.map((b) => b.key)).toEqual(towns.map((t) => t.key))
    const { divisor } = projectGroupsScale(towns)
    expect(completed.map((b) => b.value)).toEqual(towns.map((t) => (t.completed ?? 0) / divisor))

    await settleOn(w.page, {}, () => w.page.getByRole('button', { name: '移除筛选 状态：在建' }).click())
    expect(decodeURIComponent(w.page.url())).not.toContain('status=')
    await expect(subtitle(w.page, 'projects-table')).resolves.toBe(`${await count(projectsTableSql({}))}行`)
    expect(w.consoleErrors).toEqual([])
  })

  it('narrows to German cooperation from the filter bar, and reads a past year’s month range', async () => {
    // Start unfiltered, whatever the test before left behind.
    await w.page.goto(`${baseUrl}#/projects`)
    await w.page.waitForFunction(
      (text) => document.querySelector('[data-testid="narrative"]')?.textContent === text,
      await expectedNarrative({}),
    )
    await widgetStates(w.page)
    const german: FilterSet = { german: true }
    await settleOn(w.page, german, () =>
      w.page.getByRole('group', { name: '筛选条件' }).getByRole('button', { name: '对德合作' }).click(),
    )
    expect(w.page.url()).toContain('german=1')
    await expect(subtitle(w.page, 'projects-table')).resolves.toBe(`${await count(projectsTableSql(german))}行`)

    const past: FilterSet = { year: 2025, fromMonth: 4, toMonth: 9, german: true }
    const text = await settleOn(w.page, past, () => w.page.goto(`${baseUrl}#/projects?year=2025&from=4&to=9&german=1`))
    expect(text).toMatch(/^2025年4—9月，/)
    await expect(subtitle(w.page, 'projects-table')).resolves.toBe(`${await count(projectsTableSql(past))}行`)
    const states = await widgetStates(w.page)
    for (const id of WIDGETS) expect(states[id], id).toBe('ready')
    expect(w.consoleErrors).toEqual([])
    expect(w.pageErrors).toEqual([])
    expect(w.foreignRequests).toEqual([])
  })
})
