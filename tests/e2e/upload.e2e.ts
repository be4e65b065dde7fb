import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'

import { encodeGb18030 } from '../support/gb18030'
import { launchBrowser, openPage, type Session, type Watched } from './support/browser'
import { embeddedFile } from './support/embedded'
import { waitForMark } from './support/marks'

const baseUrl = inject('baseUrl')
const SHOTS = process.env.UPLOAD_SHOTS ?? ''

let session: Session
let w: Watched

/** A month of indicators as a Chinese Excel would save it: GB18030, Chinese headers, 1,234.50 and 85.3%. */
function indicatorSheet(points: readonly string[], month = '2030年1月'): Buffer {
  const lines = ['月份,观察点编号,产值（万元）,营业收入（万元）,产能利用率（%）']
  points.forEach((p, i) => lines.push(`${month},${p},"1,${String(100 + i).padStart(3, '0')}.50","2,000",8${i % 10}.5%`))
  return Buffer.from(encodeGb18030(lines.join('\r\n') + '\r\n'))
}
const POINTS = Array.from({ length: 19 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`)

async function rowsOnDatasetsPage(page: Page, table: string): Promise<string | null> {
  // After a reload, let start-up (and the replay of stored uploads) finish before moving on.
  await waitForMark(page, 'data-ready')
  await page.evaluate(() => (location.hash = '#/datasets'))
  const item = page.locator(`[data-table="${table}"][data-status="ready"]`)
  await item.waitFor({ timeout: 60_000 })
  return item.getAttribute('data-rows')
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page
    .locator('input[type=file][data-testid="upload-input"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer })
  const card = page.locator('[data-widget="upload-card"]', { hasText: name }).first()
  await card
    .locator('[data-testid="upload-preview"], [data-testid="upload-result"]')
    .first()
    .waitFor({ timeout: 60_000 })
  return card
}

async function openUpload(page: Page) {
  await waitForMark(page, 'data-ready')
  await page.evaluate(() => (location.hash = '#/upload'))
  await page.locator('[data-testid="upload-input"]').waitFor({ state: 'attached' })
}

/** Pages a test opens besides the shared one: closed after it even if it fails, so none goes on working behind the next test. */
const opened: Page[] = []
async function newPage(): Promise<Page> {
  const page = await session.context.newPage()
  opened.push(page)
  return page
}
afterEach(async () => {
  for (const page of opened.splice(0)) if (!page.isClosed()) await page.close()
})

beforeAll(async () => {
  session = await launchBrowser({ width: 1920, height: 1080 })
  w = await openPage(session, `${baseUrl}#/upload`)
  await waitForMark(w.page, 'data-ready')
})
afterAll(async () => {
  await session?.close()
})

describe('uploading CSVs in the browser', () => {
  it('opened at its own address, the page settles (app-ready) with its panel saying nothing is stored yet', async () => {
    const { page } = w
    await waitForMark(page, 'app-ready')
    expect(await page.locator('[data-widget="stored-uploads"]').getAttribute('data-state')).toBe('empty')
  })

  it('reads a file picked while the engine is still starting once it is ready, instead of turning it away', async () => {
    const page = await newPage()
    // One embedded table arrives late, so the data is surely not ready when the file is picked.
    await page.route(embeddedFile('micro_suggestions'), async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 4000))
      await route.continue()
    })
    await page.goto(`${baseUrl}#/upload`)
    await page.locator('[data-testid="upload-input"]').waitFor({ state: 'attached' })
    expect(await page.evaluate(() => performance.getEntriesByName('data-ready', 'mark').length)).toBe(0)
    await page.locator('input[type=file][data-testid="upload-input"]').setInputFiles({
      name: '启动时选的文件.csv',
      mimeType: 'text/csv',
      buffer: indicatorSheet(['P01', 'P02'], '2030年2月'),
    })
    const card = page.locator('[data-widget="upload-card"]', { hasText: '启动时选的文件.csv' })
    await card
      .locator('[role="progressbar"][aria-valuetext="正在等待数据引擎启动，就绪后自动开始"]')
      .waitFor({ timeout: 10_000 })
    await card
      .locator('[data-testid="upload-preview"], [data-testid="upload-result"]')
      .first()
      .waitFor({ timeout: 60_000 })
    const preview = card.locator('[data-testid="upload-preview"]')
    expect(await preview.getAttribute('data-dataset')).toBe('point_indicators')
    expect(await preview.getAttribute('data-rows')).toBe('2')
    expect(await card.locator('[role="alert"]').count()).toBe(0)
    await page.close()
  })

  it('maps a GB18030 sheet onto the monthly indicators, commits only on confirm, and keeps it across a reload', async () => {
    const { page } = w
    expect(await rowsOnDatasetsPage(page, 'point_indicators')).toBe('872')
    const badgeBefore = await page.locator('[data-testid="sample-badge"]').getAttribute('title')
    expect(badgeBefore).toContain('观察点月度指标')

    await openUpload(page)
    const card = await upload(page, '2030年1月观察点指标.csv', indicatorSheet(POINTS))
    const preview = card.locator('[data-testid="upload-preview"]')
    expect(await preview.getAttribute('data-dataset')).toBe('point_indicators')
    expect(await preview.getAttribute('data-encoding')).toBe('gb18030')
    expect(await preview.getAttribute('data-rows')).toBe('19')
    expect(await preview.getAttribute('data-issues')).toBe('0')
    expect(await card.getAttribute('data-state')).toBe('ready')
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/upload-preview.png` })
    // A month's sheet for a monthly table is added by default; replacing is a choice, and says what it removes.
    const mode = card.getByLabel('方式')
    expect(await mode.inputValue()).toBe('append')
    await mode.selectOption('replace')
    await card.getByText('表中现有的872行将全部删除').waitFor()

    await card.locator('[data-testid="upload-confirm"]').click()
    const result = card.locator('[data-testid="upload-result"]')
    await result.waitFor()
    expect(await result.getAttribute('data-status')).toBe('loaded')
    expect(await result.getAttribute('data-rows')).toBe('19')
    // The table is the user's now: no 示例数据 mark for it.
    expect(await page.locator('[data-testid="sample-badge"]').getAttribute('title')).not.toContain('观察点月度指标')
    // The data is usable at once; keeping it in this browser finishes just after, and says so.
    await card.locator('[data-testid="upload-result"][data-persisted="saved"]').waitFor()
    expect(await result.textContent()).toContain('已保存在本机浏览器中，刷新或重新打开后仍在')

    await page.reload()
    expect(await rowsOnDatasetsPage(page, 'point_indicators')).toBe('19')
    expect(await page.locator('[data-testid="sample-badge"]').getAttribute('title')).not.toContain('观察点月度指标')
  })

  it('opens on the user’s data: the first complete drawing of the Overview already has the stored upload in it', async () => {
    const page = await newPage()
    // What the page shows at the moment it marks app-ready (every widget drawn with data).
    await page.addInitScript(() => {
      const mark = performance.mark.bind(performance)
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        if (name === 'app-ready') {
          ;(window as { __atAppReady?: object }).__atAppReady = {
            asOf: document.querySelector('.page__lede')?.textContent,
            reporting: document.querySelector('[data-widget="kpi-points-reporting"] .figure__line')?.textContent,
          }
        }
        return mark(name, options)
      }
    })
    await page.goto(baseUrl)
    await waitForMark(page, 'app-ready')
    expect(await page.evaluate(() => (window as { __atAppReady?: object }).__atAppReady)).toEqual({
      asOf: '数据截至2030年1月',
      reporting: '2030年1月已报送',
    })
    await page.close()
  })

  it('replays the stored upload when the data engine is restarted, without a reload', async () => {
    const page = await newPage()
    await page.addInitScript(() => {
      ;(window as { __OBSERVATORY_TEST__?: boolean }).__OBSERVATORY_TEST__ = true
    })
    await page.goto(`${baseUrl}#/screen?pages=overview&watchdog=3&motion=off`)
    await waitForMark(page, 'data-ready')
    await page.evaluate(() =>
      (window as { __observatory?: { stopEngineWorker(): void } }).__observatory!.stopEngineWorker(),
    )
    await waitForMark(page, 'engine-restarted', 90_000)
    await page.evaluate(() => (location.hash = '#/datasets'))
    const item = page.locator('[data-table="point_indicators"][data-status="ready"]')
    await item.waitFor({ timeout: 60_000 })
    expect(await item.getAttribute('data-rows')).toBe('19')
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)
    await page.close()
  })

  it('rejects a file that fails validation when asked to, leaving the table as it was', async () => {
    const { page } = w
    await openUpload(page)
    const bad = indicatorSheet(['P01', 'P404', 'P02'], '2030年2月')
    const card = await upload(page, '有问题的指标.csv', bad)
    const preview = card.locator('[data-testid="upload-preview"]')
    expect(await preview.getAttribute('data-issues')).toBe('1')
    await card.getByText('在观察点名单中找不到这个编号').waitFor()
    await card.getByText('第 3 行').waitFor()
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/upload-report.png` })
    await card.getByLabel('整个文件不导入').check()
    await card.locator('[data-testid="upload-confirm"]').click()
    const result = card.locator('[data-testid="upload-result"]')
    await result.waitFor()
    expect(await result.getAttribute('data-status')).toBe('rejected')
    expect(await card.locator('[role="alert"]').innerText()).toContain('整个文件不导入')
    expect(await rowsOnDatasetsPage(page, 'point_indicators')).toBe('19')
  })

  it('keeps an unmatched file with hostile headers as an ad-hoc table, the other tables intact', async () => {
    const { page } = w
    await openUpload(page)
    const text = '"<img src=x onerror=alert(1)>",,名称,名称,"""; DROP TABLE clusters; --"\n1,2,a,b,c\n3,4,d,e,f\n'
    const card = await upload(page, '"; DROP TABLE towns.csv', Buffer.from(text))
    const preview = card.locator('[data-testid="upload-preview"]')
    expect(await preview.getAttribute('data-dataset')).toBe('adhoc')
    expect(await preview.getAttribute('data-rows')).toBe('2')
    // Header text is shown as text, never as markup.
    expect(await card.locator('img').count()).toBe(0)
    await card.getByText('<img src=x onerror=alert(1)>').first().waitFor()
    await card.locator('[data-testid="upload-confirm"]').click()
    const result = card.locator('[data-testid="upload-result"]')
    await result.waitFor()
    expect(await result.getAttribute('data-status')).toBe('loaded')
    expect(await result.getAttribute('data-rows')).toBe('2')
    await card.locator('[data-testid="upload-result"][data-persisted="saved"]').waitFor()
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/upload-adhoc.png`, fullPage: false })
    // The ad-hoc table is browsable on the Datasets page like any other: its columns from the
    // database, its rows in the grid, sorted and filtered there; its names stay text.
    const name = (await result.textContent())!.match(/「(.+?)」/)![1]!
    expect(await rowsOnDatasetsPage(page, name)).toBe('2')
    await page.locator(`[data-table="${name}"] button`).click()
    const grid = page.locator('[data-widget="dataset-preview"]')
    await expect.poll(() => grid.getAttribute('data-state')).toBe('ready')
    expect(await page.locator('[data-widget="adhoc-schema"]').innerText()).toContain('<img src=x onerror=alert(1)>')
    expect(await page.locator('img').count()).toBe(0)
    const cells = () => grid.locator('[role="row"][aria-rowindex] [role="cell"]').allInnerTexts()
    await expect.poll(async () => (await cells()).join('|')).toBe('1|2|a|b|c|3|4|d|e|f')
    await grid.getByLabel('筛选 <img src=x onerror=alert(1)>').fill('>2')
    await expect.poll(async () => (await cells()).join('|')).toBe('3|4|d|e|f')
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/datasets-adhoc.png`, fullPage: false })
    expect(await rowsOnDatasetsPage(page, 'clusters')).toBe('6')
    expect(await rowsOnDatasetsPage(page, 'towns')).not.toBe('0')
    expect(w.pageErrors).toEqual([])
  })

  it('lets the user override the encoding and map an unrecognised file onto a dataset by hand', async () => {
    const { page } = w
    await openUpload(page)
    const text = ['统计期,企业代码,本月产值', '2030年3月,P01,"1,000"', '2030年3月,P02,"2,000"'].join('\r\n')
    const card = await upload(page, '手工对应.csv', Buffer.from(encodeGb18030(text)))
    const preview = card.locator('[data-testid="upload-preview"]')
    expect(await preview.getAttribute('data-encoding')).toBe('gb18030')
    // Not enough known headers: it starts as an ad-hoc table.
    expect(await preview.getAttribute('data-dataset')).toBe('adhoc')
    // A wrong encoding is refused with a reason, and the detected reading stays.
    await card.locator('select').first().selectOption('utf-8')
    await card.getByText('所选设置无法读取此文件').waitFor()
    expect(await preview.getAttribute('data-encoding')).toBe('gb18030')
    await card.getByLabel('导入到').selectOption('point_indicators')
    await expect.poll(() => preview.getAttribute('data-dataset')).toBe('point_indicators')
    // Each change reads the file again; the next control is usable once that is done.
    for (const [header, column] of [
      ['统计期', 'period'],
      ['企业代码', 'point_id'],
      ['本月产值', 'output_value'],
    ] as const) {
      const select = card.getByLabel(`列「${header}」对应的字段`)
      await expect.poll(() => select.isEnabled()).toBe(true)
      await select.selectOption(column)
      await expect.poll(async () => (await select.isEnabled()) && (await select.inputValue())).toBe(column)
    }
    await expect
      .poll(
        async () =>
          (await card.locator('[data-testid="upload-confirm"]').isEnabled()) &&
          (await card.getByText('缺少必填列').count()) === 0,
      )
      .toBe(true)
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/upload-mapping.png` })
    expect(await preview.getAttribute('data-issues')).toBe('0')
    await card.locator('[data-testid="upload-confirm"]').click()
    const result = card.locator('[data-testid="upload-result"]')
    await result.waitFor()
    expect(await result.getAttribute('data-status')).toBe('loaded')
    expect(await result.getAttribute('data-rows')).toBe('2')
    // Added to the 19 rows of the first upload (a month's sheet is appended by default).
    expect(await result.textContent()).toContain('表中现共 21 行')
    await card.locator('[data-testid="upload-result"][data-persisted="saved"]').waitFor()
  })

  it('takes several files at once; an empty one is refused with a message, the others go on', async () => {
    const { page } = w
    await openUpload(page)
    await page.locator('input[type=file][data-testid="upload-input"]').setInputFiles([
      { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
      { name: 'semicolons.csv', mimeType: 'text/csv', buffer: Buffer.from('名称;数量\n甲;1,5\n乙;2\n') },
    ])
    const empty = page.locator('[data-widget="upload-card"]', { hasText: 'empty.csv' })
    const other = page.locator('[data-widget="upload-card"]', { hasText: 'semicolons.csv' })
    await empty.locator('[data-testid="upload-result"]').waitFor()
    expect(await empty.locator('[data-testid="upload-result"]').getAttribute('data-status')).toBe('rejected')
    expect(await empty.locator('[role="alert"]').innerText()).toContain('文件为空')
    await other.locator('[data-testid="upload-preview"]').waitFor()
    expect(await other.locator('[data-testid="upload-preview"]').getAttribute('data-rows')).toBe('2')
    await other.getByRole('button', { name: '取消' }).click()
    expect(await other.locator('[data-testid="upload-result"]').getAttribute('data-status')).toBe('rejected')
    expect(await other.locator('[role="alert"]').innerText()).toContain('已取消，数据未改动')
  })

  it('reads a GB18030 sheet longer than the sample it detects from, rows all ASCII or with Chinese past the first 256 KB, naming the line of a bad cell', async () => {
    const { page } = w
    await openUpload(page)
    const month = (m: number) => `${2030 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
    // 13,300 rows (about 400 KB): Chinese only in the header.
    const rows = Array.from(
      { length: 13_300 },
      (_, i) => `${month(Math.floor(i / 19))},${POINTS[i % 19]},${100 + i}.5,80`,
    )
    const sheet = (late: string) =>
      Buffer.from(encodeGb18030(['月份,观察点编号,产值（万元）,产能利用率（%）', ...rows, late].join('\r\n') + '\r\n'))

    const ascii = await upload(page, 'ascii-rows.csv', sheet('2099-01,P404,1.5,80'))
    const first = ascii.locator('[data-testid="upload-preview"]')
    expect(await first.getAttribute('data-encoding')).toBe('gb18030')
    expect(await first.getAttribute('data-dataset')).toBe('point_indicators')
    expect(await first.getAttribute('data-rows')).toBe('13301')
    expect(await first.getAttribute('data-issues')).toBe('1')
    await ascii.getByText('第 13302 行').waitFor()
    await ascii.getByText('在观察点名单中找不到这个编号').waitFor()
    await ascii.getByRole('button', { name: '取消' }).click()

    // The last row says 高 where a number belongs: the report must show it as written.
    const chinese = await upload(page, 'late-chinese.csv', sheet('2099-01,P01,1.5,高'))
    const second = chinese.locator('[data-testid="upload-preview"]')
    expect(await second.getAttribute('data-encoding')).toBe('gb18030')
    expect(await second.getAttribute('data-rows')).toBe('13301')
    expect(await second.getAttribute('data-issues')).toBe('1')
    await chinese.getByText('第 13302 行').waitFor()
    await chinese.getByText('无法识别为数字').waitFor()
    expect(await chinese.locator('[data-testid="upload-preview"]').innerText()).toContain('高')
    await chinese.getByRole('button', { name: '取消' }).click()
    expect(w.pageErrors).toEqual([])
  })

  it('恢复内置示例数据 forgets every upload', async () => {
    const { page } = w
    await openUpload(page)
    // Kept to replay, in order: the first sheet (a replace), the ad-hoc table, and the hand-mapped rows added to the first.
    expect(Number(await page.locator('[data-widget="stored-uploads"]').getAttribute('data-count'))).toBe(3)
    await page.locator('[data-testid="restore-builtin"]').click()
    await Promise.all([page.waitForEvent('load'), page.locator('[data-testid="restore-builtin-confirm"]').click()])
    expect(await rowsOnDatasetsPage(page, 'point_indicators')).toBe('872')
    expect(await page.locator('[data-testid="sample-badge"]').getAttribute('title')).toContain('观察点月度指标')
  })

  it('keeps the file of a preview another tab opened meanwhile: a tab starting up drops only bytes no tab is working on', async () => {
    const storedBytes = (page: Page) =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('observatory-uploads')
            open.onsuccess = () => {
              const count = open.result.transaction('bytes', 'readonly').objectStore('bytes').count()
              count.onsuccess = () => (open.result.close(), resolve(count.result))
            }
          }),
      )
    const first = await newPage()
    await first.goto(`${baseUrl}#/upload`)
    await waitForMark(first, 'data-ready')
    const before = await storedBytes(first)
    const card = await upload(first, '另一个标签页打开时的预览.csv', indicatorSheet(['P01', 'P02'], '2031年3月'))
    // The file is kept while the user reads the report; the card does not say when that is done.
    await expect.poll(() => storedBytes(first), { timeout: 30_000 }).toBe(before + 1)
    // Another tab starts meanwhile: its start-up prunes the bytes of uploads never confirmed.
    const second = await newPage()
    await second.goto(baseUrl)
    await waitForMark(second, 'data-ready')
    await second.close()
    await card.locator('[data-testid="upload-confirm"]').click()
    await card.locator('[data-testid="upload-result"][data-persisted="saved"]').waitFor()
    const rows = await rowsOnDatasetsPage(first, 'point_indicators')
    await first.reload()
    // The upload is done again after the reload: its file was still there.
    expect(await rowsOnDatasetsPage(first, 'point_indicators')).toBe(rows)
    await first.evaluate(() => (location.hash = '#/upload'))
    await expect(first.locator('[data-widget="stored-uploads"]').textContent()).resolves.not.toContain('已丢失')
  })

  it('says an upload stopped when the engine crashes under it, instead of waiting for ever, and the page carries on', async () => {
    const page = await newPage()
    await page.addInitScript(() => {
      ;(window as { __OBSERVATORY_TEST__?: boolean }).__OBSERVATORY_TEST__ = true
    })
    await page.goto(`${baseUrl}#/upload`)
    await waitForMark(page, 'data-ready')
    // A sheet big enough that the engine is still reading it when it crashes (from disk: over the test tool's 50 MB limit for bytes).
    const lines = ['月份,观察点编号,产值（万元）']
    for (let i = 0; i < 1_500_000; i++) lines.push(`2031-01,P${String((i % 19) + 1).padStart(2, '0')},${i}.5`)
    const dir = mkdtempSync(path.join(tmpdir(), 'observatory-crash-'))
    const file = path.join(dir, '很大的指标表.csv')
    writeFileSync(file, lines.join('\n') + '\n')
    try {
      await page.locator('input[type=file][data-testid="upload-input"]').setInputFiles(file)
      const card = page.locator('[data-widget="upload-card"]', { hasText: '很大的指标表.csv' })
      await card.locator('[role="progressbar"][aria-valuetext="正在载入并校验"]').waitFor({ timeout: 60_000 })
      await page.evaluate(() =>
        (window as { __observatory?: { crashEngineWorker(): void } }).__observatory!.crashEngineWorker(),
      )
      const result = card.locator('[data-testid="upload-result"]')
      await result.waitFor({ timeout: 30_000 })
      expect(await result.getAttribute('data-status')).toBe('rejected')
      expect(await card.locator('[role="alert"]').textContent()).toContain('数据引擎中断，本次导入没有完成')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    // The engine is replaced with its data, and the next file goes through.
    await waitForMark(page, 'engine-restarted', 90_000)
    const next = await upload(page, '崩溃之后.csv', indicatorSheet(['P01'], '2031年2月'))
    expect(await next.locator('[data-testid="upload-preview"]').getAttribute('data-rows')).toBe('1')
    await page.close()
  })
})
