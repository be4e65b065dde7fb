import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { NodeEngine } from '../../src/db/node'
import type { FilterSet } from '../../src/queries/filters'
import { livelihoodItemsSql, livelihoodSummarySql, type LivelihoodSummaryRow } from '../../src/queries/livelihood'
import { projectsSummarySql, projectsTableSql, type ProjectsSummaryRow } from '../../src/queries/projects'
import { ledgerSql, supervisionSummarySql, type SupervisionSummaryRow } from '../../src/queries/supervision'
import { livelihoodNarrative } from '../../src/widgets/livelihood/narrative'
import { projectsNarrative } from '../../src/widgets/projects/narrative'
import { supervisionNarrative } from '../../src/widgets/supervision/present'
import { loadEmbeddedData } from '../support/embedded'
import { query, startEngineWithSchema } from '../support/engine'
import { launchBrowser, openPage, type Session } from './support/browser'
import { enableChartHooks, itemPosition, settledAfter } from './support/charts'
import { waitForMark, widgetStates } from './support/marks'

const baseUrl = inject('baseUrl')
let engine: NodeEngine
let session: Session

beforeAll(async () => {
  engine = await startEngineWithSchema()
  await loadEmbeddedData(engine)
  session = await launchBrowser({ width: 1920, height: 1080 })
})
afterAll(async () => {
  await session?.close()
  await engine?.terminate()
})

const one = async <T>(sql: string) => (await query<T>(engine, sql))[0]!
const count = async (sql: string) => (await one<{ n: number }>(`SELECT count(*) AS n FROM (${sql})`)).n

async function open(path: string) {
  const w = await openPage(session, `${baseUrl}${path}`)
  await waitForMark(w.page, 'app-ready')
  return w
}
const narrative = (w: Awaited<ReturnType<typeof open>>) => w.page.locator('[data-testid="narrative"]').textContent()
const rowsOf = (w: Awaited<ReturnType<typeof open>>, id: string) => w.page.locator(`[data-widget="${id}"] .widget__subtitle`).textContent()

describe('Key projects', () => {
  it('renders every widget with data, and a click on a status cross-filters the page to what SQL gives', async () => {
    const page = await session.context.newPage()
    await enableChartHooks(page)
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(`${baseUrl}#/projects`)
    await waitForMark(page, 'app-ready')
    const states = await widgetStates(page)
    for (const id of ['projects-narrative', 'filters', 'projects-monthly', 'projects-pipeline', 'projects-by-town', 'projects-by-cluster', 'projects-timeline', 'projects-table']) expect(states[id], id).toBe('ready')
    await expect(page.locator('[data-testid="narrative"]').textContent()).resolves.toBe(projectsNarrative(await one<ProjectsSummaryRow>(projectsSummarySql({}))))

    // 在建 is the third status of the pipeline.
    const bar = await itemPosition(page, 'projects-pipeline', 0, [2, 1])
    const t0 = await page.evaluate(() => performance.now())
    await page.mouse.click(bar.x, bar.y - 2)
    await settledAfter(page, t0)
    expect(decodeURIComponent(page.url())).toContain('status=在建')
    const filters: FilterSet = { statuses: ['在建'] }
    await expect(page.locator('[data-testid="narrative"]').textContent()).resolves.toBe(projectsNarrative(await one<ProjectsSummaryRow>(projectsSummarySql(filters))))
    await expect(page.locator('[data-widget="projects-table"] .widget__subtitle').textContent()).resolves.toBe(`${await count(projectsTableSql(filters))}行`)
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('Livelihood items', () => {
  it('renders every widget; the year-end survey is honestly empty before December', async () => {
    const w = await open('#/livelihood')
    const states = await widgetStates(w.page)
    for (const id of ['livelihood-narrative', 'filters', 'livelihood-progress', 'livelihood-votes', 'livelihood-monthly', 'livelihood-budget', 'livelihood-category', 'livelihood-table']) expect(states[id], id).toBe('ready')
    expect(states['livelihood-satisfaction']).toBe('empty')
    await expect(narrative(w)).resolves.toBe(livelihoodNarrative(await one<LivelihoodSummaryRow>(livelihoodSummarySql({}))))
    expect(w.consoleErrors).toEqual([])
    expect(w.foreignRequests).toEqual([])
    await w.page.close()
  })

  it('shows 2024: the 20 items the report names, with their satisfaction survey', async () => {
    const w = await open('#/livelihood?year=2024')
    const states = await widgetStates(w.page)
    expect(states['livelihood-satisfaction']).toBe('ready')
    const text = await narrative(w)
    expect(text).toContain('2024年，经人大代表票决的20项民生实事项目')
    expect(text).toBe(livelihoodNarrative(await one<LivelihoodSummaryRow>(livelihoodSummarySql({ year: 2024 }))))
    await w.page.close()
  })

  it('reproduces a category view from its URL', async () => {
    const w = await open('#/livelihood?category=%E6%95%99%E8%82%B2')
    await widgetStates(w.page)
    const filters: FilterSet = { categories: ['教育'] }
    await expect(narrative(w)).resolves.toBe(livelihoodNarrative(await one<LivelihoodSummaryRow>(livelihoodSummarySql(filters))))
    await expect(rowsOf(w, 'livelihood-table')).resolves.toBe(`${await count(livelihoodItemsSql(filters))}行`)
    await expect(w.page.locator('.chip').first().textContent()).resolves.toContain('类别：教育')
    await w.page.close()
  })
})

describe('Supervision and deputies', () => {
  it('shows the 2022 and 2024 report figures exactly, and the ledger agreeing with them', async () => {
    const w = await open('#/supervision')
    const states = await widgetStates(w.page)
    for (const id of ['supervision-narrative', 'filters', 'supervision-activities', 'supervision-reconciliation', 'supervision-report-figures', 'supervision-suggestions', 'supervision-micro', 'supervision-table']) expect(states[id], id).toBe('ready')
    const cell = (metric: string, year: number) => w.page.locator(`[data-widget="supervision-report-figures"] tr[data-metric="${metric}"] td[data-year="${year}"]`).textContent()
    expect([await cell('standing_committee_meetings', 2022), await cell('standing_committee_meetings', 2024)]).toEqual(['7次', '9次'])
    expect([await cell('chairpersons_meetings', 2022), await cell('chairpersons_meetings', 2024)]).toEqual(['13次', '14次'])
    expect([await cell('inspections', 2022), await cell('inspections', 2024)]).toEqual(['5次', '8次'])
    expect([await cell('law_enforcement_checks', 2022), await cell('law_enforcement_checks', 2024)]).toEqual(['5次', '5次'])
    expect([await cell('special_inquiries', 2022), await cell('special_inquiries', 2024)]).toEqual(['2次', '2次'])
    expect([await cell('special_work_reports', 2022), await cell('special_work_reports', 2024)]).toEqual(['34项', '30项'])
    expect([await cell('resolutions', 2022), await cell('resolutions', 2024)]).toEqual(['6项', '14项'])
    expect([await cell('appointments', 2022), await cell('appointments', 2024)]).toEqual(['75人次', '73人次'])
    expect([await cell('deputy_suggestions', 2022), await cell('deputy_suggestions', 2024)]).toEqual(['106件', '166件'])
    expect([await cell('micro_suggestions', 2022), await cell('micro_suggestions', 2024)]).toEqual(['433条', '342件'])
    expect(await cell('deputy_training_attendance', 2024)).toBe('1000余人次')
    await expect(w.page.locator('[data-widget="supervision-report-figures"] tr[data-metric="inspections"] td[data-year="2024"]').getAttribute('title')).resolves.toBe('原文：“组织开展专题视察8次”')
    const statuses = await w.page.locator('[data-widget="supervision-reconciliation"] tr[data-status]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))
    expect(statuses.length).toBe(14)
    expect(new Set(statuses)).toEqual(new Set(['一致']))
    await expect(narrative(w)).resolves.toBe(supervisionNarrative(await one<SupervisionSummaryRow>(supervisionSummarySql({}))))
    expect(w.consoleErrors).toEqual([])
    expect(w.foreignRequests).toEqual([])
    await w.page.close()
  })

  it('filters the ledger by activity type from the URL', async () => {
    const w = await open('#/supervision?type=%E6%89%A7%E6%B3%95%E6%A3%80%E6%9F%A5')
    await widgetStates(w.page)
    await expect(rowsOf(w, 'supervision-table')).resolves.toBe(`${await count(ledgerSql({ types: ['执法检查'] }))}行`)
    await w.page.close()
  })

  it('says where the ledger and a report disagree', async () => {
    const page = await session.context.newPage()
    // Drop one 2024 law-enforcement check from the ledger as it is served.
    await page.route(/supervision_activities-[^/]*\.csv$/, async (route) => {
      const response = await route.fetch()
      const lines = (await response.text()).split('\n')
      const i = lines.findIndex((l) => /,2024-\d\d-\d\d,执法检查,/.test(l))
      lines.splice(i, 1)
      await route.fulfill({ response, body: lines.join('\n') })
    })
    await page.goto(`${baseUrl}#/supervision`)
    await waitForMark(page, 'app-ready')
    const row = page.locator('[data-widget="supervision-reconciliation"] tr[data-status="不一致"]')
    await expect(row.count()).resolves.toBe(1)
    await expect(row.textContent()).resolves.toContain('台账记录4次，报告为5次，少1次')
    await expect(page.locator('[data-widget="supervision-reconciliation"] .widget__subtitle').textContent()).resolves.toBe('1处不一致，请核实台账或报告')
    await page.close()
  })
})
