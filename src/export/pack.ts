/** A briefing pack, whatever its format: a title page, one page per chart, and the headline figures. */
export interface BriefingSlide {
  readonly title: string
  /** Unit and period. */
  readonly subtitle?: string
  /** The generated sentence about the chart. */
  readonly sentence: string
  /** "数据来源：…", with 示例数据 when synthetic. */
  readonly source: string
  /** The chart alone, on white, as PNG. */
  readonly image: { readonly png: Uint8Array; readonly width: number; readonly height: number }
}

export interface BriefingFigure {
  readonly title: string
  readonly value: string
  readonly unit: string
  readonly lines: readonly string[]
}

export interface BriefingPack {
  /** E.g. "总览汇报材料". */
  readonly title: string
  /** The product's name, over the title. */
  readonly organisation: string
  /** "2026年12月1日". */
  readonly date: string
  /** "数据截至2026年10月", or null without monthly data. */
  readonly asOf: string | null
  readonly sample: boolean
  readonly slides: readonly BriefingSlide[]
  readonly figures: readonly BriefingFigure[]
}

export const SAMPLE_NOTE = '示例数据：本材料使用内置合成数据，不是真实统计'

/** Fits an image of w×h into a box, keeping its proportions. */
export function fitBox(w: number, h: number, boxW: number, boxH: number): { width: number; height: number } {
  const scale = Math.min(boxW / w, boxH / h)
  return { width: w * scale, height: h * scale }
}

export function base64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}
