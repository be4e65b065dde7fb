/** The one family name the PDF writer registers its embedded fonts under. */
export const PDF_FONT_FAMILY = 'BriefingSans'

interface Stop {
  readonly offset: number
  readonly rgb: readonly [number, number, number]
}

function rgbOf(color: string): [number, number, number] | null {
  let m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim())
  if (m) return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)]
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)/i.exec(color.trim())
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])]
  return null
}

/** The colour of a gradient at `t` (0–1), between its stops. */
function colorAt(stops: readonly Stop[], t: number): string {
  const after = stops.findIndex((s) => s.offset >= t)
  const b = stops[after === -1 ? stops.length - 1 : after]!
  const a = stops[Math.max(0, (after === -1 ? stops.length : after) - 1)]!
  const k = b.offset === a.offset ? 0 : (t - a.offset) / (b.offset - a.offset)
  const c = a.rgb.map((v, i) => Math.round(v + (b.rgb[i]! - v) * k))
  return `rgb(${c.join(',')})`
}

/** The linear gradients an SVG defines (objectBoundingBox units, as ECharts writes them), by id. */
function gradients(svg: string) {
  const out = new Map<string, { x1: number; y1: number; x2: number; y2: number; stops: Stop[] }>()
  for (const m of svg.matchAll(/<linearGradient\b([^>]*)>([\s\S]*?)<\/linearGradient>/g)) {
    const attr = (name: string, fallback: number) => {
      const v = new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]!)?.[1]
      return v === undefined ? fallback : parseFloat(v)
    }
    const id = /\bid="([^"]*)"/.exec(m[1]!)?.[1]
    if (!id || /gradientUnits="userSpaceOnUse"/.test(m[1]!)) continue
    const stops: Stop[] = []
    for (const s of m[2]!.matchAll(/<stop\b([^>]*)>/g)) {
      const offset = /offset="([\d.]+)(%?)"/.exec(s[1]!)
      const color = /stop-color="([^"]*)"/.exec(s[1]!)?.[1]
      const rgb = color ? rgbOf(color) : null
      if (offset && rgb) stops.push({ offset: Number(offset[1]) / (offset[2] ? 100 : 1), rgb })
    }
    if (stops.length) out.set(id, { x1: attr('x1', 0), y1: attr('y1', 0), x2: attr('x2', 1), y2: attr('y2', 0), stops })
  }
  return out
}

/**
 * Gradient fills (a visual map's colour bar) as bands of flat colour: the PDF writer's SVG
 * drawer paints only flat colours. A rectangle or polygon filled with a gradient becomes 48
 * slices along the gradient's direction, each in the gradient's colour at its middle.
 */
function flattenGradients(svg: string): string {
  const defs = gradients(svg)
  if (defs.size === 0) return svg
  return svg.replace(
    /<(polygon|rect)\b([^>]*?)fill="url\(#([^)]+)\)"([^>]*?)(\/>|>\s*<\/\1>)/g,
    (whole, tag, a, id, b) => {
      const g = defs.get(id as string)
      if (!g) return whole
      const attrs = `${a} ${b}`
      let box: { x: number; y: number; w: number; h: number } | null = null
      if (tag === 'rect') {
        const n = (k: string) => parseFloat(new RegExp(`\\b${k}="([^"]*)"`).exec(attrs)?.[1] ?? '0')
        box = { x: n('x'), y: n('y'), w: n('width'), h: n('height') }
      } else {
        const pts = (/\bpoints="([^"]*)"/.exec(attrs)?.[1] ?? '')
          .trim()
          .split(/[\s,]+/)
          .map(Number)
        const xs = pts.filter((_, i) => i % 2 === 0)
        const ys = pts.filter((_, i) => i % 2 === 1)
        if (xs.length >= 3 && xs.every(Number.isFinite) && ys.every(Number.isFinite)) {
          const x = Math.min(...xs)
          const y = Math.min(...ys)
          box = { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
        }
      }
      const transform = /\btransform="([^"]*)"/.exec(attrs)?.[1]
      const vertical = Math.abs(g.y2 - g.y1) >= Math.abs(g.x2 - g.x1)
      if (!box) return whole.replace(`url(#${id})`, colorAt(g.stops, 0.5))
      const N = 48
      const bands: string[] = []
      for (let i = 0; i < N; i++) {
        // Position along the gradient vector, reversed when it runs bottom-up or right-to-left.
        const t = (i + 0.5) / N
        const along = vertical ? (g.y2 >= g.y1 ? t : 1 - t) : g.x2 >= g.x1 ? t : 1 - t
        const r = vertical
          ? { x: box.x, y: box.y + (box.h * i) / N, w: box.w, h: box.h / N + 0.01 }
          : { x: box.x + (box.w * i) / N, y: box.y, w: box.w / N + 0.01, h: box.h }
        bands.push(
          `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" fill="${colorAt(g.stops, along)}" stroke="none"/>`,
        )
      }
      return `<g${transform ? ` transform="${transform}"` : ''}>${bands.join('')}</g>`
    },
  )
}

/**
 * ECharts' SVG made readable by the PDF writer's SVG drawer: every font family becomes the
 * embedded font (so chart text is real, selectable text in the PDF's own font), style
 * declarations get a space after each ";" (the drawer reads "a:1;b:2" as "a" and ";b"), and
 * gradients become bands of flat colour.
 */
export function svgForPdf(svg: string): string {
  return flattenGradients(
    svg
      .replace(/^<\?xml[^>]*>\s*/, '')
      .replace(/font-family:\s*[^;"]*(?:"[^"]*"[^;"]*)*;?/g, `font-family:${PDF_FONT_FAMILY};`)
      .replace(/font-family="[^"]*"/g, `font-family="${PDF_FONT_FAMILY}"`)
      .replace(/style="([^"]*)"/g, (_, css: string) => `style="${css.replace(/;\s*(?=\S)/g, '; ')}"`),
  )
}
