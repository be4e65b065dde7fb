import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The marks no line may start with, and those none may end with (the brief's rule, GB/T 15834). */
export const FORBIDDEN_START = new Set([...'，。、；：？！）」』》'])
export const FORBIDDEN_END = new Set([...'（「『《'])

/** Lines (as a renderer's text extraction gives them) that start or end where Chinese text must not. */
export function badLineBreaks(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && (FORBIDDEN_START.has(l[0]!) || FORBIDDEN_END.has([...l].pop()!)))
}

/** `pdffonts` as rows: name, type, embedded, subset. */
export function pdfFonts(file: string): { name: string; embedded: boolean; subset: boolean }[] {
  return execFileSync('pdffonts', [file])
    .toString()
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/)
      // name type... encoding emb sub uni object ID: read the flags from the end.
      const n = cols.length
      return { name: cols[0]!, embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' }
    })
}

export const pdfText = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-']).toString()

export const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1])

/** A grey raster of one page by poppler: width, height and one byte a pixel. */
export function popplerGray(file: string, page: number, dpi: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdfgray-'))
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file, `${dir}/p`])
    const pgm = readFileSync(path.join(dir, execFileSync('ls', [dir]).toString().trim().split('\n')[0]!))
    // Binary PGM: "P5\n<w> <h>\n255\n" then the pixels.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
    return {
      width: Number(header[1]),
      height: Number(header[2]),
      data: pgm.subarray(header[0].length),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface TextItem {
  readonly str: string
  /** Box in PDF points, from the page's top-left. */
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly size: number
}

/**
 * A second renderer: pdf.js reads the file's text (with positions) and draws each page to a
 * canvas (@napi-rs/canvas), as a browser's PDF viewer would.
 */
export async function pdfJs(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({
    data: bytes,
    cMapUrl: 'node_modules/pdfjs-dist/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: 'node_modules/pdfjs-dist/standard_fonts/',
    disableFontFace: true,
    verbosity: 0,
  }).promise
  return {
    pages: doc.numPages,
    async text(n: number): Promise<TextItem[]> {
      const page = await doc.getPage(n)
      const h = page.getViewport({ scale: 1 }).height
      const content = await page.getTextContent()
      return content.items
        .filter((i): i is typeof i & { str: string; transform: number[]; width: number } => 'str' in i)
        .map((i) => {
          const size = Math.hypot(i.transform[2]!, i.transform[3]!)
          return {
            str: i.str,
            x: i.transform[4]!,
            y: h - i.transform[5]! - size * 0.88,
            width: i.width,
            height: size,
            size,
          }
        })
    },
    /** The page drawn at `scale` pixels a point, as grey levels. */
    async gray(n: number, scale: number) {
      const page = await doc.getPage(n)
      const viewport = page.getViewport({ scale })
      const factory = doc.canvasFactory as { create: (w: number, h: number) => unknown }
      const entry = factory.create(viewport.width, viewport.height) as {
        canvas: { width: number; height: number; toBuffer: (t: string) => Buffer }
        context: CanvasRenderingContext2D
      }
      entry.context.fillStyle = '#fff'
      entry.context.fillRect(0, 0, viewport.width, viewport.height)
      await page.render({ canvasContext: entry.context, viewport, canvas: entry.canvas as never }).promise
      const rgba = entry.context.getImageData(0, 0, entry.canvas.width, entry.canvas.height).data
      const data = new Uint8Array(rgba.length / 4)
      for (let i = 0; i < data.length; i++)
        data[i] = Math.round(0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!)
      return {
        width: entry.canvas.width,
        height: entry.canvas.height,
        data,
        png: () => entry.canvas.toBuffer('image/png'),
      }
    },
    destroy: () => doc.destroy(),
  }
}

/**
 * How many pixels in a box (points, scaled) stand out from the box's background (its most
 * common grey) by more than 50 levels: the strokes of a glyph, on white or on a coloured
 * cell. A glyph drawn blank leaves the box one flat colour, and this 0.
 */
export function inkIn(
  raster: { width: number; height: number; data: Uint8Array },
  box: { x: number; y: number; width: number; height: number },
  scale: number,
): number {
  const x0 = Math.max(0, Math.floor(box.x * scale))
  const x1 = Math.min(raster.width, Math.ceil((box.x + box.width) * scale))
  const y0 = Math.max(0, Math.floor(box.y * scale))
  const y1 = Math.min(raster.height, Math.ceil((box.y + box.height) * scale))
  const counts = new Uint32Array(256)
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) counts[raster.data[y * raster.width + x]!]!++
  let background = 255
  for (let v = 0; v < 256; v++) if (counts[v]! > counts[background]!) background = v
  let ink = 0
  for (let v = 0; v < 256; v++) if (Math.abs(v - background) > 50) ink += counts[v]!
  return ink
}
