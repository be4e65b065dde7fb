// The CJK glyphs ship with the app (Noto Sans SC, simplified-Chinese subset, OFL), fetched
// from its own origin only when a PDF is made; the PDF keeps only the glyphs it uses.
import regularUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url'
import boldUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff?url'

import type { PdfFonts } from './pdf'
import { woffToSfnt } from './woff'

let fonts: Promise<PdfFonts> | null = null

async function load(url: string): Promise<Uint8Array> {
  const r = await fetch(url)
  if (!r.ok) throw new Error(`字体文件加载失败（${r.status}）`)
  return woffToSfnt(new Uint8Array(await r.arrayBuffer()))
}

/** The regular and bold faces, fetched once per session (and kept by the browser's cache). */
export function loadPdfFonts(): Promise<PdfFonts> {
  fonts ??= Promise.all([load(regularUrl), load(boldUrl)]).then(([regular, bold]) => ({ regular, bold }))
  fonts.catch(() => (fonts = null))
  return fonts
}
