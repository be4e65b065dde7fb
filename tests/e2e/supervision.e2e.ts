import { describe, expect, inject, it } from 'vitest'

import { activitiesOption } from '../../src/charts/supervision'
import type { FilterSet } from '../../src/queries/filters'
import {
  activitiesByYearSql,
  type ActivityCountRow,
  ledgerSql,
  microByTownSql,
  type MicroTownRow,
  type SupervisionSummaryRow,
  supervisionSummarySql,
} from '../../src/queries/supervision'
import { supervisionNarrative } from '../../src/widgets/supervision/present'
import { query } from '../support/engine'
import { openPage, type Watched } from './support/browser'
import { enableChartHooks, itemPosition, settledAfter } from './support/charts'
import { useEmbeddedData } from './support/embedded'
import { usePageHarness } from './support/harness'
import { waitForMark, widgetStates } from './support/marks'

const baseUrl = inject('baseUrl')
const WIDGETS = [
  'supervision-narrative',
  'filters',
  'supervision-activities',
  'supervision-reconciliation',
  'supervision-suggestions',
  'supervision-suggestion-categories',
  'supervision-micro',
  'supervision-micro-towns',
  'supervision-table',
  'supervision-report-figures',
]

/** What the page must show, computed in Node with the same SQL over the same files. */
const h = usePageHarness()
const embedded = useEmbeddedData()
const { one, count } = h
const narrativeFor = async (filters: FilterSet) =>
  supervisionNarrative(await one<SupervisionSummaryRow>(supervisionSummarySql(filters)))

async function open(path: string): Promise<Watched> {
  const w = await openPage(h.session, `${baseUrl}${path}`)
  await waitForMark(w.page, 'app-ready')
  return w
}
const narrative = (w: Watched) => w.page.locator('[data-testid="narrative"]').textContent()
const subtitle = (w: Watched, id: string) => w.page.locator(`[data-widget="${id}"] .widget__subtitle`).textContent()
const figure = (w: Watched, metric: string, year: number) =>
  w.page.locator(`[data-widget="supervision-report-figures"] tr[data-metric="${metric}"] td[data-year="${year}"]`)

describe('Supervision and deputies’ work', () => {
  it('shows every widget, the narrative from SQL, and the reports’ figures exactly as printed', async () => {
    const w = await open('#/supervision')
    const states = await widgetStates(w.page)
    for (const id of WIDGETS) expect(states[id], id).toBe('ready')
    await expect(narrative(w)).resolves.toBe(await narrativeFor({}))

    const pairs: [string, string, string][] = [
      ['standing_committee_meetings', '7次', '9次'],
      ['chairpersons_meetings', '13次', '14次'],
      ['inspections', '5次', '8次'],
      ['law_enforcement_checks', '5次', '5次'],
      ['special_inquiries', '2次', '2次'],
      ['special_work_reports', '34项', '30项'],
      ['resolutions', '6项', '14项'],
      ['deputy_suggestions', '106件', '166件'],
      ['micro_suggestions', '433条', '342件'],
    ]
    for (const [metric, y2022, y2024] of pairs) {
      expect(
        [await figure(w, metric, 2022).textContent(), await figure(w, metric, 2024).textContent()],
        metric,
      ).toEqual([y2022, y2024])
    }
    await expect(figure(w, 'deputy_training_attendance', 2024).textContent()).resolves.toBe('1000余人次')
    await expect(figure(w, 'media_articles', 2024).textContent()).resolves.toBe('50多篇')
    // The report's own words on hover, as plain text; each year's wording of the same measure.
    await expect(figure(w, 'inspections', 2024).getAttribute('title')).resolves.toBe('原文：“组织开展专题视察8次”')
    const wording = await w.page
      .locator('[data-widget="supervision-report-figures"] tr[data-metric="inspections"] th')
      .textContent()
    expect(wording).toContain('视察（2022年用语）')
    expect(wording).toContain('专题视察（2024年用语）')
    const sources = await w.page.locator('[data-widget="supervision-report-figures"] .sv-sources').textContent()
    expect(sources).toContain('2023年1月4日')
    expect(sources).toContain('2025年1月8日')
    const categories = await w.page
      .locator('[data-widget="supervision-report-figures"] [data-category]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-category')))
    expect(categories).toEqual(['会议', '监督', '任免', '代表工作', '建议办理', '观察点', '其他'])

    const statuses = await w.page
      .locator('[data-widget="supervision-reconciliation"] tr[data-status]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))
    expect(statuses).toHaveLength(14)
    expect(new Set(statuses)).toEqual(new Set(['一致']))
    await expect(subtitle(w, 'supervision-reconciliation')).resolves.toBe('台账与报告所列数字全部一致')
    await expect(subtitle(w, 'supervision-table')).resolves.toBe(`${await count(ledgerSql({}))}行`)

    expect(w.consoleErrors).toEqual([])
    expect(w.pageErrors).toEqual([])
    expect(w.foreignRequests).toEqual([])
    await w.page.close()
  })

  it('reproduces a type view from its URL: ledger, narrative and the marked reconciliation rows follow the filter', async () => {
    const w = await open(`#/supervision?type=${encodeURIComponent('执法检查')}`)
    await widgetStates(w.page)
    const filters: FilterSet = { types: ['执法检查'] }
    await expect(subtitle(w, 'supervision-table')).resolves.toBe(`${await count(ledgerSql(filters))}行`)
    await expect(narrative(w)).resolves.toBe(await narrativeFor(filters))
    const marked = await w.page
      .locator('[data-widget="supervision-reconciliation"] tr.sv-selected')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type')))
    expect(marked).toEqual(['执法检查', '执法检查'])
    await expect(w.page.locator('.chip').first().textContent()).resolves.toContain('执法检查')
    expect(w.consoleErrors).toEqual([])
    await w.page.close()
  })

  it('cross-filters by the clicked type; the clicked chart keeps every type and highlights the selection', async () => {
    const page = await h.session.context.newPage()
    await enableChartHooks(page)
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(`${baseUrl}#/supervision`)
    await waitForMark(page, 'app-ready')
    await widgetStates(page)

    // Where 2024's 视察 segment is, from the same rows and the same builder as the page.
    const rows = await query<ActivityCountRow>(h.engine, activitiesByYearSql({}))
    const option = activitiesOption(rows, { theme: 'light' })
    const series = (option.series as { name: string; data: { value: number }[] }[]).map((s) => s.name)
    const years = (option.xAxis as { data: string[] }).data
    const x = years.indexOf('2024年')
    const s = series.indexOf('视察')
    const below = rows
      .filter((r) => r.year === 2024 && series.indexOf(r.type) < s)
      .reduce((n, r) => n + r.activities, 0)
    const own = rows.find((r) => r.year === 2024 && r.type === '视察')!.activities
    const at = await itemPosition(page, 'supervision-activities', s, [x, below + own / 2])
    const t0 = await page.evaluate(() => performance.now())
    await page.mouse.click(at.x, at.y)
    await settledAfter(page, t0)

    expect(decodeURIComponent(page.url())).toContain('type=视察')
    const filters: FilterSet = { types: ['视察'] }
    await expect(page.locator('[data-widget="supervision-table"] .widget__subtitle').textContent()).resolves.toBe(
      `${await count(ledgerSql(filters))}行`,
    )
    await expect(page.locator('[data-testid="narrative"]').textContent()).resolves.toBe(await narrativeFor(filters))
    const drawn = await page.evaluate(() => {
      const el = document.querySelector('[data-widget="supervision-activities"] .echart') as HTMLElement
      const chart = (window as unknown as { __observatory: { chart(e: Element): unknown } }).__observatory.chart(
        el,
      ) as {
        getOption(): { series: { name: string; itemStyle: { opacity: number } }[] }
      }
      return chart.getOption().series.map((x) => [x.name, x.itemStyle.opacity])
    })
    expect(drawn.map(([name]) => name)).toEqual(series)
    expect(drawn.filter(([, opacity]) => opacity === 1).map(([name]) => name)).toEqual(['视察'])
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows a past year whole: 2022’s micro-suggestions by town add up to the report', async () => {
    const w = await open('#/supervision?year=2022')
    const states = await widgetStates(w.page)
    expect(states['supervision-micro-towns']).toBe('ready')
    const towns = await query<MicroTownRow>(h.engine, microByTownSql({ year: 2022 }))
    expect(towns.reduce((n, r) => n + r.raised, 0)).toBe(433)
    await expect(subtitle(w, 'supervision-micro-towns')).resolves.toBe('2022年1—12月提出 · 按所在镇区 · 条')
    const text = await narrative(w)
    expect(text).toBe(await narrativeFor({ year: 2022 }))
    expect(text).toMatch(/^2022年，召开常委会会议7次、主任会议13次，开展视察5次、执法检查5次、专题询问2次/)
    expect(text).toContain('代表提出微建议433条，当年解决406条。')
    await w.page.close()
  })

  it('says where the ledger and a report disagree', async () => {
    const page = await h.session.context.newPage()
    // Drop one 2024 law-enforcement check from the ledger as it is served.
    await embedded.serve(page, 'supervision_activities', (csv) => {
      const lines = csv.split('\n')
      const i = lines.findIndex((l) => /,2024-\d\d-\d\d,执法检查,/.test(l))
      lines.splice(i, 1)
      return lines.join('\n')
    })
    await page.goto(`${baseUrl}#/supervision`)
    await waitForMark(page, 'app-ready')
    await widgetStates(page)
    const row = page.locator('[data-widget="supervision-reconciliation"] tr[data-status="不一致"]')
    await expect(row.count()).resolves.toBe(1)
    await expect(row.getAttribute('data-type')).resolves.toBe('执法检查')
    await expect(row.textContent()).resolves.toContain('台账记录4次，报告为5次，少1次')
    await expect(
      page.locator('[data-widget="supervision-reconciliation"] .widget__subtitle').textContent(),
    ).resolves.toBe('1处不一致，请核实台账或报告')
    // The report's figure itself is unchanged: it is the ground truth.
    await expect(
      page
        .locator(
          '[data-widget="supervision-report-figures"] tr[data-metric="law_enforcement_checks"] td[data-year="2024"]',
        )
        .textContent(),
    ).resolves.toBe('5次')
    await page.close()
  })
})
