import type { CaptionText } from './caption'
import { breakLines } from './linebreak'

/** Where each caption line goes around the chart, in CSS pixels of the composed image. */
export interface CaptionLayout {
  readonly width: number
  readonly height: number
  /** Top of the chart. */
  readonly chartTop: number
  readonly chartHeight: number
  readonly lines: readonly {
    readonly text: string
    readonly x: number
    readonly y: number
    readonly size: number
    readonly weight: 400 | 600
    readonly role: 'title' | 'head' | 'foot'
  }[]
}

export const PAD = 20
const TITLE = { size: 18, line: 26 }
const HEAD = { size: 13, line: 20 }
const FOOT = { size: 12, line: 18 }

/** Width of text in ems: CJK and full-width forms one em, the rest about half. */
export function textEms(text: string): number {
  let ems = 0
  for (const ch of text) ems += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.56
  return ems
}

/**
 * Breaks text into lines no wider than `max` pixels at `size`, by the rules of Chinese
 * typesetting: no line starts with ，。、；：？！）」 or ends with （「, no number is split.
 */
export function wrapText(text: string, size: number, max: number): string[] {
  return breakLines(text, max, (s) => textEms(s) * size)
}

/** The composed image: title and head lines above the chart, source lines below; as wide as the chart. */
export function layoutCaption(caption: CaptionText, width: number, chartHeight: number): CaptionLayout {
  const max = width - 2 * PAD
  const lines: CaptionLayout['lines'][number][] = []
  let y = PAD
  for (const text of wrapText(caption.title, TITLE.size, max)) {
    lines.push({ text, x: PAD, y: y + TITLE.size, size: TITLE.size, weight: 600, role: 'title' })
    y += TITLE.line
  }
  for (const head of caption.head) {
    for (const text of wrapText(head, HEAD.size, max)) {
      lines.push({ text, x: PAD, y: y + HEAD.size, size: HEAD.size, weight: 400, role: 'head' })
      y += HEAD.line
    }
  }
  const chartTop = Math.ceil(y + 8)
  y = chartTop + chartHeight + 8
  for (const foot of caption.foot) {
    for (const text of wrapText(foot, FOOT.size, max)) {
      lines.push({ text, x: PAD, y: y + FOOT.size, size: FOOT.size, weight: 400, role: 'foot' })
      y += FOOT.line
    }
  }
  return { width, height: Math.ceil(y + PAD - 4), chartTop, chartHeight, lines }
}
