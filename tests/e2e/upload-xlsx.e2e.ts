import { readFileSync } from 'node:fs'

import { unzipSync } from 'fflate'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { readWorkbook } from '../../src/ingest/xlsx/workbook'
import { buildWorkbook, type FixtureCell, monthlyReportRows } from '../support/workbooks'
import { launchBrowser, openPage, type Session, type Watched } from './support/browser'
import { waitForMark } from './support/marks'

const baseUrl = inject('baseUrl')
/** Set to a folder to keep screenshots of the preview and the report (1366×768 and 1920×1080). */
const SHOTS = process.env.XLSX_SHOTS ?? ''
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

let session: Session
let w: Watched

beforeAll(async () => {
  session = await launchBrowser({ width: 1366, height: 768 })
  w = await openPage(session, `${baseUrl}#/upload`)
  await waitForMark(w.page, 'data-ready')
})
afterAll(async () => {
  await session?.close()
})

async function openUpload(page: Page) {
  await page.evaluate(() => (location.hash = '#/upload'))
  await page.locator('[data-testid="upload-input"]').waitFor({ state: 'attached' })
}

async function rowsOf(page: Page, table: string): Promise<string | null> {
  await page.evaluate(() => (location.hash = '#/datasets'))
  const item = page.locator(`[data-table="${table}"][data-status="ready"]`)
  await item.waitFor({ timeout: 60_000 })
  return item.getAttribute('data-rows')
}

/** Picks workbooks in the file input, as a user does; the card of the upload (or of the refusal). */
async function pick(page: Page, files: { name: string; bytes: Uint8Array }[], hasText: string): Promise<Locator> {
  await page
    .locator('input[type=file][data-testid="upload-input"]')
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: XLSX, buffer: Buffer.from(f.bytes) })))
  const card = page.locator('[data-widget="upload-card"]', { hasText }).first()
  await card
    .locator('[data-testid="upload-preview"], [data-testid="upload-result"]')
    .first()
    .waitFor({ timeout: 60_000 })
  return card
}

describe('uploading Excel workbooks in the browser', () => {
  it('loads a Chinese monthly report: title and unit lines, merged header, 合计 and notes, enterprises by name', async () => {
    const { page } = w
    expect(await rowsOf(page, 'point_indicators')).toBe('872')
    await openUpload(page)
    const bytes = await buildWorkbook([
      { name: '填写说明', rows: [['说明'], ['本表按月填报']] },
      { name: '11月', rows: monthlyReportRows() },
    ])
    const card = await pick(page, [{ name: '观察点主要指标月报表（2026年11月）.xlsx', bytes }], '观察点主要指标月报表')
    const preview = card.locator('[data-testid="upload-preview"]')
    expect(await preview.getAttribute('data-dataset')).toBe('point_indicators')
    expect(await preview.getAttribute('data-rows')).toBe('2')
    expect(await preview.getAttribute('data-issues')).toBe('0')
    // Every sheet is listed with its rows; the notes sheet is skipped, the data sheet read.
    const sheet = card.getByLabel('「观察点主要指标月报表（2026年11月）.xlsx」读取的工作表')
    expect(await sheet.inputValue()).toBe('11月')
    expect(await sheet.locator('option').allTextContents()).toEqual([
      '填写说明（1 行，说明页）',
      '11月（2 行，观察点月度指标）',
    ])
    expect(await card.locator('[data-testid="workbook-month"] input[type=month]').inputValue()).toBe('2026-11')
    const notes = await card.locator('[data-testid="upload-notes"]').textContent()
    expect(notes).toContain('「产值」的单位是亿元，已按 1 亿元 = 10000 万元换算')
    expect(notes).toContain('「产值·1—11月累计」是累计或比较数')
    expect(notes).toContain('信川汽车部件（太仓）有限公司 → P01')
    expect(await card.locator('[data-testid="workbook-files"] td').nth(3).textContent()).toBe(
      '标题/单位行 2，合计行 1，注释/签名行 2',
    )
    if (SHOTS) {
      await card.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${SHOTS}/xlsx-preview-1366.png`, fullPage: true })
      await page.setViewportSize({ width: 1920, height: 1080 })
      await page.screenshot({ path: `${SHOTS}/xlsx-preview-1920.png`, fullPage: true })
      await page.setViewportSize({ width: 1366, height: 768 })
    }
    await card.locator('[data-testid="upload-confirm"]').click()
    const result = card.locator('[data-testid="upload-result"]')
    await result.waitFor()
    expect(await result.getAttribute('data-status')).toBe('loaded')
    expect(await result.getAttribute('data-rows')).toBe('2')
    await card.locator('[data-testid="upload-result"][data-persisted="saved"]').waitFor()
    expect(await rowsOf(page, 'point_indicators')).toBe('874')
    expect(w.pageErrors).toEqual([])
  })

  it('names the sheet, Excel row, column letter and header of every problem', async () => {
    const { page } = w
    await openUpload(page)
    const rows: FixtureCell[][] = [
      [{ value: '观察点主要指标（2026年10月）', columnSpan: 4 }, null, null, null],
      [{ value: '单位：万元', columnSpan: 4 }, null, null, null],
      ['月份', '企业名称', '产值', '纳税额'],
    ]
    for (let i = 0; i < 12; i++)
      rows.push(['2030年3月', `P${String(i + 2).padStart(2, '0')}`, 1000 + i, i === 8 ? '十二' : 40 + i])
    rows[5]![1] = '东方红机械厂'
    const card = await pick(
      page,
      [{ name: '有问题的月报.xlsx', bytes: await buildWorkbook([{ name: 'Sheet1', rows }]) }],
      '有问题的月报',
    )
    const report = card.locator('[data-testid="upload-report"]')
    await report.waitFor()
    const places = await report.locator('td[data-place]').allTextContents()
    expect(places).toEqual(['「Sheet1」第6行 B列「企业名称」', '「Sheet1」第12行 D列「纳税额」'])
    await report.getByText('最接近的').first().waitFor()
    if (SHOTS) {
      await report.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${SHOTS}/xlsx-report-1366.png` })
      await page.setViewportSize({ width: 1920, height: 1080 })
      await report.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${SHOTS}/xlsx-report-1920.png` })
      await page.setViewportSize({ width: 1366, height: 768 })
    }
    await card.getByRole('button', { name: '取消' }).click()
    await card.getByText('已取消，数据未改动').waitFor()
  })

  it('hands out templates: a dataset’s workbook and every point’s monthly report in a zip', async () => {
    const { page } = w
    await openUpload(page)
    await page.getByText('下载 Excel 填报模板').click()
    const [single] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-template="point_indicators"]').click(),
    ])
    expect(single.suggestedFilename()).toBe('观察点月度指标_填报模板.xlsx')
    const book = await readWorkbook(new Uint8Array(readFileSync((await single.path())!)), 'x.xlsx')
    expect(book.ok && book.value.sheets.map((s) => s.name)).toEqual(['观察点月度指标', '填写说明'])
    await page.getByLabel('月报表的月份').fill('2030-04')
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-template="monthly-report"]').click(),
    ])
    expect(zip.suggestedFilename()).toBe('观察点月报表_2030年4月_19家.zip')
    const files = unzipSync(new Uint8Array(readFileSync((await zip.path())!)))
    expect(Object.keys(files)).toHaveLength(19)
    // The Datasets page has the same control for the table shown.
    await page.evaluate(() => (location.hash = '#/datasets?table=observation_points'))
    await page.locator('[data-template="observation_points"]').waitFor()
  })

  it('takes all 19 monthly reports dropped at once as one preview and one commit', async () => {
    const { page } = w
    await openUpload(page)
    const { monthlyReportTemplate, writeTemplate } = await import('../../src/ingest/templates')
    const points = Array.from({ length: 19 }, (_, i) => ({
      id: `P${String(i + 1).padStart(2, '0')}`,
      name: `企业${i}`,
    }))
    const files = await Promise.all(
      points.map(async (p, i) => {
        const sheets = monthlyReportTemplate(p, '2030-05', {})
        const row = sheets[0]!.data[3]!
        for (let c = 3; c < row.length; c++) row[c] = { value: c === 3 ? 100 + i : 50, type: Number }
        return { name: `月报_${p.id}.xlsx`, bytes: await writeTemplate(sheets) }
      }),
    )
    const card = await pick(page, files, '月报_P01 等 19 个工作簿')
    const preview = card.locator('[data-testid="upload-preview"]')
    expect(await preview.getAttribute('data-rows')).toBe('19')
    expect(await preview.getAttribute('data-issues')).toBe('0')
    expect(await card.locator('[data-testid="workbook-files"] tbody tr').count()).toBe(19)
    expect(await page.locator('[data-widget="upload-card"][data-kind="workbook"]', { hasText: '月报_P' }).count()).toBe(
      1,
    )
    await card.getByRole('button', { name: '确认导入全部 19 个文件' }).click()
    const result = card.locator('[data-testid="upload-result"]')
    await result.waitFor()
    expect(await result.getAttribute('data-rows')).toBe('19')
    expect(await rowsOf(page, 'point_indicators')).toBe('893')
  })

  it('lets the user pick another sheet (a hidden one too) and change the month offered from the title', async () => {
    const { page } = w
    await openUpload(page)
    const bytes = await buildWorkbook([
      {
        name: '本月',
        rows: [
          [{ value: '观察点月报（2030年6月）', columnSpan: 2 }, null],
          ['观察点编号', '产值（万元）'],
          ['P01', 10],
          ['P02', 20],
        ],
      },
      {
        name: '上月',
        rows: [
          ['月份', '观察点编号', '产值（万元）'],
          ['2030-05', 'P03', 30],
        ],
        hidden: true,
      },
    ])
    const card = await pick(page, [{ name: '两页.xlsx', bytes }], '两页.xlsx')
    const preview = card.locator('[data-testid="upload-preview"]')
    expect(await preview.getAttribute('data-rows')).toBe('2')
    const month = card.locator('[data-testid="workbook-month"] input[type=month]')
    expect(await month.inputValue()).toBe('2030-06')
    await month.fill('2030-07')
    const again = page.locator('[data-widget="upload-card"]', { hasText: '两页.xlsx' }).first()
    await again.locator('[data-testid="workbook-month"] input[type=month][value="2030-07"]').waitFor()
    expect(await again.locator('.upload-table td', { hasText: '2030-07' }).count()).toBe(2)
    const sheet = again.getByLabel('「两页.xlsx」读取的工作表')
    expect(await sheet.locator('option').allTextContents()).toEqual([
      '本月（2 行，观察点月度指标）',
      '上月（1 行，隐藏，观察点月度指标）',
    ])
    await sheet.selectOption('上月')
    const hidden = page.locator('[data-widget="upload-card"]', { hasText: '两页.xlsx' }).first()
    await hidden.locator('[data-testid="upload-preview"][data-rows="1"]').waitFor()
    expect(await hidden.getByLabel('「两页.xlsx」读取的工作表').inputValue()).toBe('上月')
    await hidden.getByRole('button', { name: '取消' }).click()
    await hidden.getByText('已取消，数据未改动').waitFor()
  })

  it('refuses an old .xls, an encrypted workbook and a corrupt one with a clear message, changing nothing', async () => {
    const { page } = w
    await openUpload(page)
    const cfb = (stream: string) => {
      const b = new Uint8Array(2048)
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
      for (let i = 0; i < stream.length; i++) b[1024 + i * 2] = stream.charCodeAt(i)
      return b
    }
    const good = await buildWorkbook([
      {
        name: 'S',
        rows: [
          ['a', 'b'],
          [1, 2],
        ],
      },
    ])
    const card = await pick(
      page,
      [
        { name: '旧报表.xls', bytes: cfb('Workbook') },
        { name: '加密.xlsx', bytes: cfb('EncryptedPackage') },
        { name: '半个.xlsx', bytes: good.slice(0, good.length - 50) },
      ],
      '旧报表.xls',
    )
    const text = await card.textContent()
    expect(text).toContain('旧版 Excel 97-2003 工作簿（.xls）')
    expect(text).toContain('另存为')
    expect(text).toContain('设置了打开密码的加密工作簿')
    expect(text).toContain('文件不完整或已损坏')
    expect(await rowsOf(page, 'point_indicators')).toBe('893')
    expect(w.pageErrors).toEqual([])
  })

  it('shows HTML in sheet names and cells as text', async () => {
    const { page } = w
    await openUpload(page)
    const html = '<img src=x onerror="window.__pwned=1">'
    const bytes = await buildWorkbook([
      {
        name: '<i>表1',
        rows: [
          ['名称', html],
          [html, 1],
        ],
      },
    ])
    const card = await pick(page, [{ name: 'html.xlsx', bytes }], 'html.xlsx')
    await card.locator('[data-testid="upload-preview"]').waitFor()
    expect(await card.locator('select option').first().textContent()).toContain('<i>表1')
    expect(await card.locator('.upload-table th', { hasText: html }).count()).toBeGreaterThan(0)
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await card.locator('img').count()).toBe(0)
  })
})
