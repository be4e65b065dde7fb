import { readFileSync } from 'node:fs'

import type { Page } from 'playwright-core'

/** Clicks an export item (opening its menu first) and returns the downloaded file. */
export async function download(
  page: Page,
  menu: string,
  item: string,
  timeout = 60_000,
): Promise<{ name: string; bytes: Buffer; ms: number }> {
  const details = page.locator(menu)
  await details.scrollIntoViewIfNeeded()
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click()
  const t0 = Date.now()
  const [file] = await Promise.all([page.waitForEvent('download', { timeout }), details.locator(item).click()])
  const path = await file.path()
  const ms = Date.now() - t0
  return { name: file.suggestedFilename(), bytes: readFileSync(path), ms }
}

/** Decodes a PNG in the page and measures it: size and the variance of its pixels' brightness. */
export function inspectPng(
  page: Page,
  png: Buffer,
): Promise<{ width: number; height: number; variance: number; distinct: number }> {
  return page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
    let sum = 0
    let sq = 0
    const colours = new Set<number>()
    const n = data.length / 4
    for (let i = 0; i < data.length; i += 4) {
      const y = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!
      sum += y
      sq += y * y
      if (colours.size < 5000) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!)
    }
    const mean = sum / n
    return {
      width: img.naturalWidth,
      height: img.naturalHeight,
      variance: sq / n - mean * mean,
      distinct: colours.size,
    }
  }, png.toString('base64'))
}

/** Parses CSV text (RFC 4180) into rows. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      out.push(row)
      row = []
      field = ''
      i++
    } else field += ch
  }
  return out
}
