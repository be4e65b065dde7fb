import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { strFromU8, unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { preview } from 'vite'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { NodeEngine } from '../../src/db/node'
import { type ClusterYtdRow, clusterYtdSql, pointsTableSql } from '../../src/queries/clusters'
import { type ItemRow, livelihoodItemsSql } from '../../src/queries/livelihood'
import { attentionOf, headlineOf, keyFigures } from '../../src/widgets/export/briefing-facts'
import { factsOf } from '../support/briefing'
import { loadEmbeddedData } from '../support/embedded'
import { query, startEngineWithSchema } from '../support/engine'
import { badLineBreaks } from '../support/pdf-check'
import { readXlsx } from '../support/xlsx-read'
import { launchBrowser, openPage, type Session, type Watched } from './support/browser'
import { useEmbeddedData } from './support/embedded'
import { download, inspectPng, parseCsv } from './support/exports'
import { waitForMark, widgetStates } from './support/marks'

/**
 * Exports on the production build: images that are sharp and carry their caption, data
 * that round-trips to the SQL's numbers, hostile text neutralised, and briefing packs with
 * one page per chart and Chinese that renders. `EXPORTS_DIST` serves another build
 * directory (e.g. /tmp/exp-dist) instead of the shared dist/.
 */
const HOSTILE = '=HYPERLINK("http://x","y")'
const ARTIFACTS = process.env.EXPORTS_ARTIFACTS ?? path.join(process.cwd(), 'node_modules/.cache/exports-e2e')
let baseUrl = inject('baseUrl')
let closeServer: (() => Promise<void>) | undefined
let engine: NodeEngine
let session: Session
let w: Watched
const embedded = useEmbeddedData()

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  if (process.env.EXPORTS_DIST) {
    const server = await preview({
      logLevel: 'warn',
      build: { outDir: process.env.EXPORTS_DIST },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    })
    baseUrl = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`
    closeServer = () => new Promise((r) => server.httpServer.close(() => r()))
  }
  engine = await startEngineWithSchema()
  await loadEmbeddedData(engine)
  session = await launchBrowser({ width: 1600, height: 1000 })
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin })
  w = await openPage(session, baseUrl)
  await waitForMark(w.page, 'app-ready')
  await widgetStates(w.page)
})
afterAll(async () => {
  await w?.page.close()
  await session?.close()
  await engine?.terminate()
  await closeServer?.()
})

const menu = (widget: string) => `[data-widget="${widget}"] details[data-export-menu]`
const chartSize = (page: Page, widget: string) =>
  page
    .locator(`[data-widget="${widget}"] .echart`)
    .evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }))
const save = (name: string, bytes: Buffer) => {
  const file = path.join(ARTIFACTS, name)
  writeFileSync(file, bytes)
  return file
}
const num = (s: string) => (s === '' ? null : Number(s))

describe('chart exports', () => {
  it('offers PNG 1×/2×/3×, SVG, CSV and XLSX on every chart, and a briefing action on the page', async () => {
    const charts = await w.page.locator('.page-root [data-widget] .chart-widget__canvas').count()
    expect(charts).toBeGreaterThanOrEqual(4)
    for (const item of [
      'png"][data-pixel-ratio="1',
      'png"][data-pixel-ratio="2',
      'png"][data-pixel-ratio="3',
      'svg',
      'csv',
      'xlsx',
    ]) {
      await expect(
        w.page.locator(`.page-root [data-widget] details[data-export-menu] [data-export="${item}"]`).count(),
        item,
      ).resolves.toBe(charts)
    }
    await expect(w.page.locator('[data-export="briefing"][data-format="pptx"]').count()).resolves.toBe(1)
    await expect(w.page.locator('[data-export="briefing"][data-format="pdf"]').count()).resolves.toBe(1)
    await expect(w.page.locator('[data-export="briefing"][data-format="docx"]').count()).resolves.toBe(1)
  })

  it('draws a 3× PNG three times the chart’s CSS size, not blank, with its caption', async () => {
    const size = await chartSize(w.page, 'cluster-ytd')
    const png = await download(w.page, menu('cluster-ytd'), '[data-export="png"][data-pixel-ratio="3"]')
    expect(png.name).toMatch(/^各集群累计产值与同比_\d{4}年.*_3x\.png$/)
    save('cluster-ytd-3x.png', png.bytes)
    const img = await inspectPng(w.page, png.bytes)
    // As wide as the chart, three times over; taller by the caption above and the source below.
    expect(img.width).toBe(size.width * 3)
    expect(img.height % 3).toBe(0)
    expect(img.height).toBeGreaterThan(size.height * 3)
    expect(img.variance).toBeGreaterThan(100)
    expect(img.distinct).toBeGreaterThan(50)
    const one = await inspectPng(
      w.page,
      (await download(w.page, menu('cluster-ytd'), '[data-export="png"][data-pixel-ratio="1"]')).bytes,
    )
    expect([one.width * 3, one.height * 3]).toEqual([img.width, img.height])
  })

  it('writes an SVG that parses and carries the title, source and 示例数据 as text', async () => {
    const svg = await download(w.page, menu('cluster-ytd'), '[data-export="svg"]')
    save('cluster-ytd.svg', svg.bytes)
    const text = svg.bytes.toString('utf8')
    const parsed = await w.page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml')
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      }
    }, text)
    expect(parsed.error).toBeNull()
    expect(parsed.root).toBe('svg')
    expect(parsed.texts).toContain('各集群累计产值与同比')
    expect(parsed.texts.join('\n')).toContain('数据来源：观察点月度指标')
    expect(parsed.texts.join('\n')).toContain('示例数据')
    // The chart itself came along (its bars are paths).
    expect((text.match(/<path/g) ?? []).length).toBeGreaterThan(5)
  })

  it('writes item names whole in an exported image, where the screen cuts them with "…"', async () => {
    const items = await query<ItemRow>(engine, livelihoodItemsSql({}))
    const svg = (await download(w.page, menu('overview-livelihood'), '[data-export="svg"]')).bytes.toString('utf8')
    const texts = await w.page.evaluate(
      (s) =>
        [...new DOMParser().parseFromString(s, 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent),
      svg,
    )
    expect(texts.filter((t) => t?.includes('…'))).toEqual([])
    // A long name breaks onto a second line: its lines, read in order, are the whole name.
    const all = texts.join('')
    for (const item of items) expect(all, item.name).toContain(item.name)
  })

  it('writes the active filters into the image, with their names', async () => {
    const page = await session.context.newPage()
    await page.goto(`${baseUrl}#/clusters?year=2026&from=1&to=6&cluster=equipment&german=1`)
    await waitForMark(page, 'app-ready')
    await widgetStates(page)
    const svg = (
      await download(page, '[data-widget="cluster-trend"] details[data-export-menu]', '[data-export="svg"]')
    ).bytes.toString('utf8')
    expect(svg).toContain('筛选条件：年度：2026年；起：1月；止：6月；集群：高端装备；对德合作')
    await page.close()
  })

  it('exports the data behind a chart as CSV and XLSX with the SQL’s numbers', async () => {
    const expected = await query<ClusterYtdRow>(engine, clusterYtdSql({}))
    const csv = await download(w.page, menu('cluster-ytd'), '[data-export="csv"]')
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const rows = parseCsv(csv.bytes.toString('utf8').slice(1))
    const header = rows[0]!
    const col = (h: string) => header.indexOf(h)
    expect(header).toContain('累计产值（万元）')
    expect(header).toContain('同比（%）')
    expect(rows.slice(1).map((r) => [r[col('名称')], num(r[col('累计产值（万元）')]!)])).toEqual(
      expected.map((r) => [r.name, r.ytd_output]),
    )
    expect(rows.slice(1).map((r) => num(r[col('同比（%）')]!))).toEqual(
      expected.map((r) => (r.yoy === null ? null : Math.round(r.yoy * 1e8) / 1e6)),
    )

    const xlsx = await download(w.page, menu('cluster-ytd'), '[data-export="xlsx"]')
    save('cluster-ytd.xlsx', xlsx.bytes)
    const sheet = readXlsx(new Uint8Array(xlsx.bytes))
    const xh = sheet[0]!.map((c) => c.value)
    expect(xh).toEqual(header)
    const ytd = xh.indexOf('累计产值（万元）')
    const cells = sheet.slice(1).map((r) => r.find((c) => c.ref.startsWith(String.fromCharCode(65 + ytd)))!)
    expect(cells.map((c) => c.value)).toEqual(expected.map((r) => r.ytd_output))
    expect(cells.every((c) => c.type === '' || c.type === 'n')).toBe(true)
  })

  it('copies the chart as a PNG to the clipboard', async () => {
    await w.page.locator(menu('cluster-ytd')).locator('summary').click()
    await w.page.locator(menu('cluster-ytd')).locator('[data-export="copy"]').click()
    await w.page.waitForSelector('[data-widget="cluster-ytd"] [data-export-state="done"]:has-text("已复制图片")')
    const types = await w.page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types))
    expect(types).toContain('image/png')
  })
})

describe('table exports', () => {
  it('neutralises a formula in a cell, in CSV and XLSX, and keeps numbers as numbers', async () => {
    const page = await session.context.newPage()
    // The first observation point's name, as served, is a formula.
    await embedded.serve(page, 'observation_points', (csv) => {
      const lines = csv.split('\n')
      const cells = lines[1]!.split(',')
      cells[1] = `"${HOSTILE.replace(/"/g, '""')}"`
      lines[1] = cells.join(',')
      return lines.join('\n')
    })
    await page.goto(`${baseUrl}#/clusters`)
    await waitForMark(page, 'app-ready')
    await widgetStates(page)
    const csv = await download(page, menu('points-table'), '[data-export="csv"]')
    const rows = parseCsv(csv.bytes.toString('utf8').slice(1))
    expect(rows[0]).toContain('累计产值（万元）')
    expect(rows[0]).toContain('产值同比（%）')
    const nameCol = rows[0]!.indexOf('企业名称')
    const hostile = rows.find((r) => r[nameCol]!.includes('HYPERLINK'))!
    expect(hostile[nameCol]).toBe(`'${HOSTILE}`)
    const expected = await query<{ point_id: string; ytd_output: number | null }>(engine, pointsTableSql({}))
    const idCol = rows[0]!.indexOf('编号')
    const outCol = rows[0]!.indexOf('累计产值（万元）')
    const byId = new Map(rows.slice(1).map((r) => [r[idCol], num(r[outCol]!)]))
    expect(byId.size).toBe(expected.length)
    for (const e of expected) expect(byId.get(e.point_id), e.point_id).toBe(e.ytd_output)
    // Growth can be negative: a negative number stays a number, unneutralised.
    const yoyCol = rows[0]!.indexOf('产值同比（%）')
    const negative = rows.slice(1).find((r) => r[yoyCol]!.startsWith('-'))
    if (negative) expect(Number(negative[yoyCol])).toBeLessThan(0)

    const xlsx = await download(page, menu('points-table'), '[data-export="xlsx"]')
    save('points-table.xlsx', xlsx.bytes)
    const sheet = readXlsx(new Uint8Array(xlsx.bytes))
    const cell = sheet.flat().find((c) => typeof c.value === 'string' && c.value.includes('HYPERLINK'))!
    expect(cell.value).toBe(HOSTILE)
    expect(cell.formula).toBe(false)
    expect(['s', 'inlineStr']).toContain(cell.type)
    const negativeCell = sheet
      .slice(1)
      .flatMap((r) => r)
      .find((c) => typeof c.value === 'number' && c.value < 0)
    if (negativeCell) expect(negativeCell.type === '' || negativeCell.type === 'n').toBe(true)
    await page.close()
  })
})

describe('briefing pack', () => {
  const BRIEFING = '.briefing > details'
  const charts = () => w.page.locator('.page-root [data-widget] .chart-widget__canvas').count()
  const titles = () =>
    w.page.locator('.page-root [data-widget]:has(.chart-widget__canvas) .widget__title').allTextContents()
  const slidesOf = (files: Record<string, Uint8Array>) =>
    Object.keys(files)
      .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
      .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
      .map((f) => strFromU8(files[f]!))

  it('makes a PPTX in the 汇报材料 order: headline, key figures, a native chart per chart, what needs attention', async () => {
    await w.page.goto(`${baseUrl}#/`)
    await widgetStates(w.page)
    const n = await charts()
    const names = await titles()
    const facts = await factsOf(engine, {})
    const pptx = await download(w.page, BRIEFING, '[data-export="briefing"][data-format="pptx"]', 120_000)
    save('overview.pptx', pptx.bytes)
    expect(pptx.name).toMatch(/^总览汇报材料_\d{4}年\d+月\d+日\.pptx$/)
    const files = unzipSync(new Uint8Array(pptx.bytes))
    const xml = slidesOf(files)
    // Cover, 一、总体情况 (figures and the overview's narrative), a slide per chart, 三、需要关注的问题.
    expect(xml.length).toBe(n + 3)
    expect(xml[0]).toContain(headlineOf(facts))
    expect(xml[0]).toContain('2026年10月')
    expect(xml[1]).toContain('一、总体情况')
    expect(xml[1]).toContain('<a:tbl>')
    for (const f of keyFigures(facts)) expect(xml[1]).toContain(`${f.value}${f.unit}`)
    names.forEach((t) =>
      expect(
        xml.slice(2, n + 2).some((x) => x.includes(t)),
        t,
      ).toBe(true),
    )
    expect(xml[n + 2]).toContain('三、需要关注的问题')
    for (const item of attentionOf(facts)) expect(xml[n + 2]).toContain(item.slice(0, 12))
    // Native charts for the bars and combinations; the town map is the one picture.
    const chartXml = Object.keys(files)
      .filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))
      .map((f) => strFromU8(files[f]!))
    expect(chartXml.length).toBe(n - 1)
    expect(Object.keys(files).filter((f) => /^ppt\/media\/.+\.png$/.test(f)).length).toBe(1)
    const ytd = await query<ClusterYtdRow>(engine, clusterYtdSql({}))
    const combo = chartXml.find((x) => x.includes('累计产值（亿元）'))!
    for (const r of ytd) expect(combo).toContain(`<c:v>${r.ytd_output! / 10_000}</c:v>`)
  })

  it('makes a PDF with vector charts, a subset font and the headline, within 400 KB', async () => {
    const facts = await factsOf(engine, {})
    const pdf = await download(w.page, BRIEFING, '[data-export="briefing"][data-format="pdf"]', 120_000)
    const file = save('overview.pdf', pdf.bytes)
    expect(pdf.bytes.length).toBeLessThanOrEqual(400 * 1024)
    const fonts = execFileSync('pdffonts', [file]).toString().split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThan(0)
    for (const f of fonts) expect(f, f).toMatch(/^[A-Z]{6}\+NotoSansSC-\S+\s+CID TrueType\s+Identity-H\s+yes yes/)
    const text = execFileSync('pdftotext', [file, '-']).toString()
    expect(text.replace(/\n/g, '')).toContain(headlineOf(facts))
    for (const h of ['总览汇报材料', '一、总体情况', '二、分领域情况', '三、需要关注的问题']) expect(text).toContain(h)
    // Axis labels of the cluster chart are text in the file, not pixels.
    const ytd = await query<ClusterYtdRow>(engine, clusterYtdSql({}))
    const layout = execFileSync('pdftotext', ['-layout', file, '-']).toString()
    for (const r of ytd) expect(layout).toMatch(new RegExp(`${r.name}\\s{2,}`))
    expect(badLineBreaks(text)).toEqual([])
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(ARTIFACTS, 'overview-pdf')])
    // Nothing was fetched from anywhere but the app's own origin (the fonts included).
    expect(w.foreignRequests).toEqual([])
    expect(w.requests.some((u) => /noto-sans-sc-.*-400-normal.*\.woff/.test(u))).toBe(true)
  })

  it('makes a DOCX with the headings, the key figures as a table and a captioned picture per chart', async () => {
    const facts = await factsOf(engine, {})
    const n = await charts()
    const docx = await download(w.page, BRIEFING, '[data-export="briefing"][data-format="docx"]', 120_000)
    save('overview.docx', docx.bytes)
    expect(docx.name).toMatch(/^总览汇报材料_\d{4}年\d+月\d+日\.docx$/)
    const files = unzipSync(new Uint8Array(docx.bytes))
    const xml = strFromU8(files['word/document.xml']!)
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
    for (const h of ['总览汇报材料', '一、总体情况', '二、分领域情况', '三、需要关注的问题']) expect(text).toContain(h)
    expect(text).toContain(headlineOf(facts))
    expect(xml).toContain('<w:tbl>')
    for (const f of keyFigures(facts)) expect(text).toContain(`${f.value}${f.unit}`)
    for (let i = 1; i <= n; i++) expect(text).toContain(`图${i} `)
    expect(Object.keys(files).filter((f) => /^word\/media\/.+\.png$/.test(f)).length).toBe(n)
  })

  it('leaves out the charts not ticked', async () => {
    const n = await charts()
    await w.page.locator(`${BRIEFING} > summary`).click()
    await w.page.locator('[data-briefing-chart="town-map"]').uncheck()
    const pptx = await download(w.page, BRIEFING, '[data-export="briefing"][data-format="pptx"]', 120_000)
    const files = unzipSync(new Uint8Array(pptx.bytes))
    expect(slidesOf(files).length).toBe(n - 1 + 3)
    expect(Object.keys(files).filter((f) => /^ppt\/media\/.+\.png$/.test(f))).toEqual([])
    await w.page.locator(`${BRIEFING} > summary`).click()
    await w.page.locator('[data-briefing-chart="town-map"]').check()
    await w.page.locator(`${BRIEFING} > summary`).click()
  })

  it('shows each step while a pack is made, stops on 取消 with no file, and says the result plainly', async () => {
    // A fresh page (no font loaded yet) whose font answers slowly: time to see the steps and cancel.
    const page = await session.context.newPage()
    await page.route(/noto-sans-sc-.*\.woff/, async (route) => {
      await new Promise((r) => setTimeout(r, 4000))
      await route.continue()
    })
    await page.goto(`${baseUrl}#/`)
    await waitForMark(page, 'app-ready')
    await widgetStates(page)
    let downloads = 0
    page.on('download', () => downloads++)
    await page.locator(`${BRIEFING} > summary`).click()
    await page.locator('[data-export="briefing"][data-format="pdf"]').click()
    const card = page.locator('.briefing-status')
    await card.locator('[data-briefing-step]:has-text("写入 PDF 文件")').waitFor({ timeout: 60_000 })
    await expect(card.locator('progress').getAttribute('max')).resolves.toBe(String((await charts()) + 2))
    await expect(card.getAttribute('role')).resolves.toBe('status')
    await card.locator('[data-briefing-cancel]').click()
    await page.locator('[data-export-state="cancelled"]:has-text("已取消，没有生成文件")').waitFor()
    // The slow font arrives and the writer stops at its first page: no file.
    await page.waitForTimeout(6000)
    expect(downloads).toBe(0)
    // Made again, it is said in words a person reads, at the page's own size.
    const file = await download(page, BRIEFING, '[data-export="briefing"][data-format="pdf"]', 120_000)
    const done = page.locator('[data-export-state="done"]')
    await done.waitFor()
    await expect(done.textContent()).resolves.toContain(`${file.name}（`)
    const style = await done.evaluate((el) => {
      const s = getComputedStyle(el.querySelector('.briefing-status__step')!)
      return { size: parseFloat(s.fontSize), width: el.getBoundingClientRect().width }
    })
    expect(style.size).toBeGreaterThanOrEqual(13)
    expect(style.width).toBeGreaterThanOrEqual(300)
    await page.close()
  })
})
