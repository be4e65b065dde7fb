import { readFileSync } from 'node:fs'

import fontkit from '@cantoo/fontkit'
import { PDFDocument } from '@cantoo/pdf-lib'
import { describe, expect, it } from 'vitest'

import { woffToSfnt } from '../src/export/woff'

const WOFF = 'node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff'

describe('the PDF font', () => {
  it('unwraps the shipped WOFF into a TrueType font with the Chinese a briefing needs', async () => {
    const woff = new Uint8Array(readFileSync(WOFF))
    const sfnt = await woffToSfnt(woff)
    expect(new DataView(sfnt.buffer).getUint32(0)).toBe(0x00010000)
    const font = fontkit.create(sfnt as unknown as Buffer) as unknown as {
      numGlyphs: number
      hasGlyphForCodePoint: (c: number) => boolean
    }
    expect(font.numGlyphs).toBeGreaterThan(7000)
    for (const ch of '人大代表经济运行观察点数据看板总览汇报材料截至亿元同比增长示例0123456789%（）：、—·')
      expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true)
    // A plain font passes through untouched.
    await expect(woffToSfnt(sfnt)).resolves.toBe(sfnt)
  })

  it('embeds in a PDF with @cantoo/pdf-lib as a subset of the glyphs used, and lays Chinese text out', async () => {
    const doc = await PDFDocument.create()
    doc.registerFontkit(fontkit)
    const font = await doc.embedFont(await woffToSfnt(new Uint8Array(readFileSync(WOFF))), {
      subset: true,
      customName: 'ABCDEF+NotoSansSC-Regular',
    })
    const page = doc.addPage([400, 100])
    page.drawText('总览汇报材料', { font, size: 20, x: 10, y: 50 })
    expect(font.widthOfTextAtSize('总览', 20)).toBeCloseTo(40, 0)
    const bytes = await doc.save()
    // Six glyphs, not the 8,248 of the shipped font (1.5 MB whole).
    expect(bytes.length).toBeLessThan(30_000)
  })
})
