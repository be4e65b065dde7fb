/**
 * The upload card and a file's bytes, in the browser: a PNG renamed .csv is refused as not a
 * text file; the encoding shown is the plausible one, with every reading's sample line and a
 * way to switch; a UTF-8 sheet with one bad byte stays UTF-8 and names the line; a 10 MB
 * Chinese cell is a long line, not an encoding problem.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, openPage, type Session, type Watched } from './support/browser'
import { waitForMark } from './support/marks'

const baseUrl = inject('baseUrl')
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/ex-shots'
let session: Session
let w: Watched

beforeAll(async () => {
  session = await launchBrowser({ width: 1600, height: 1000 })
  w = await openPage(session, `${baseUrl}#/upload`)
  await waitForMark(w.page, 'data-ready')
})
afterAll(async () => {
  await session?.close()
})

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

describe('an upload’s bytes', () => {
  it('refuses a PNG renamed .csv: 不是文本文件', async () => {
    const png = readFileSync(path.resolve(__dirname, '../../docs/img/overview.png'))
    const card = await upload(w.page, '截图.csv', png)
    const result = card.locator('[data-testid="upload-result"]')
    expect(await result.getAttribute('data-status')).toBe('rejected')
    expect(await result.textContent()).toContain('不是文本文件：这是一个PNG 图片')
  })

  it('reads short German windows-1252 as such, shows each reading’s line, and switches on a click', async () => {
    const text = 'Name;Ort;Umsatz\nMüller;Köln;12\nSchröder;Düsseldorf;7\n'
    const card = await upload(w.page, 'kunden.csv', Buffer.from(text, 'latin1'))
    const preview = card.locator('[data-testid="upload-preview"]')
    expect(await preview.getAttribute('data-encoding')).toBe('windows-1252')
    expect(await card.locator('[data-candidate="windows-1252"]').textContent()).toContain('Müller;Köln;12')
    expect(await card.locator('[data-candidate="gb18030"]').textContent()).toContain('M黮ler')
    expect(await card.locator('table').first().textContent()).toContain('Müller')
    await w.page.screenshot({ path: `${SHOTS}/upload-encoding-choice.png` })
    await card.locator('[data-candidate="gb18030"] [data-action="use-encoding"]').click()
    await expect.poll(() => preview.getAttribute('data-encoding')).toBe('gb18030')
    expect(await card.locator('[data-candidate="gb18030"]').textContent()).toContain('当前')
    await card.getByRole('button', { name: '取消' }).click()
  })

  it('keeps a UTF-8 sheet with one bad byte as UTF-8: the Chinese header maps, line 15 is named', async () => {
    const rows = Array.from({ length: 19 }, (_, i) => `2030-01,P${String(i + 1).padStart(2, '0')},${100 + i}`)
    const bytes = Buffer.from(['月份,观察点编号,产值（万元）', ...rows].join('\n') + '\n', 'utf8')
    // Line 15 is P14's: a stray 0xFF before its number.
    const at = bytes.indexOf('2030-01,P14,') + '2030-01,P14,'.length
    bytes[at] = 0xff
    const card = await upload(w.page, '一个坏字节.csv', bytes)
    const preview = card.locator('[data-testid="upload-preview"]')
    expect(await preview.getAttribute('data-encoding')).toBe('utf-8')
    expect(await preview.getAttribute('data-dataset')).toBe('point_indicators')
    expect(await card.locator('[data-invalid-lines]').getAttribute('data-invalid-lines')).toBe('15')
    expect(await card.locator('[data-invalid-lines]').textContent()).toContain('第 15 行有 1 处字节不符合 UTF-8')
    await w.page.screenshot({ path: `${SHOTS}/upload-utf8-bad-byte.png` })
    await card.getByRole('button', { name: '取消' }).click()
  })

  it('calls a 10 MB Chinese cell a long line, never an encoding problem', async () => {
    const bytes = Buffer.from(`名称,说明\n甲,${'名'.repeat(3_500_000)}\n乙,短\n`, 'utf8')
    const card = await upload(w.page, '长单元格.csv', bytes)
    const text = (await card.textContent()) ?? ''
    expect(text).not.toMatch(/编码选错|无法识别的字符/)
    expect(text).toContain('单行过长')
    expect(w.pageErrors).toEqual([])
  }, 120_000)
})
