import { DESIGN } from './scale'

/**
 * Panel placement on the design canvas, as data: columns of given widths, each a stack of
 * panels sharing the column's height by weight. Pure, so "every panel inside the canvas,
 * none overlapping" is a unit test, and a chart knows its exact height in design pixels.
 */
export interface Column {
  readonly width: number
  readonly panels: readonly { readonly id: string; readonly weight?: number }[]
}

export interface Box {
  readonly id: string
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
}

/** Design pixels: the title bar's height, the margins and the gaps between panels. */
export const TITLE_HEIGHT = 104
export const MARGIN = 24
export const GAP = 20

/**
 * Chrome of a screen panel around its chart (padding, a title line, a subtitle line, a gap, the border),
 * fixed by screen.css so a chart's height is known here rather than measured.
 */
export const PANEL_CHROME = 14 * 2 + 40 + 34 + 8 + 2

export function bodyOf(layout: 'fit' | 'wide') {
  const { width, height } = DESIGN[layout]
  return { left: MARGIN, top: TITLE_HEIGHT, width: width - 2 * MARGIN, height: height - TITLE_HEIGHT - MARGIN }
}

/** Boxes for the columns, left to right. The last column takes whatever width is left. */
export function placeColumns(layout: 'fit' | 'wide', columns: readonly Column[]): Box[] {
  const body = bodyOf(layout)
  const boxes: Box[] = []
  let x = body.left
  columns.forEach((column, ci) => {
    const width = ci === columns.length - 1 ? body.left + body.width - x : column.width
    const total = column.panels.reduce((s, p) => s + (p.weight ?? 1), 0)
    const free = body.height - GAP * (column.panels.length - 1)
    let y = body.top
    column.panels.forEach((panel, pi) => {
      const last = pi === column.panels.length - 1
      const height = last ? body.top + body.height - y : Math.round((free * (panel.weight ?? 1)) / total)
      boxes.push({ id: panel.id, left: x, top: y, width, height })
      y += height + GAP
    })
    x += width + GAP
  })
  return boxes
}

/** The chart's own height inside a panel box. */
export const chartHeight = (box: Box) => Math.max(80, box.height - PANEL_CHROME)

/** The chart's own width inside a panel box (padding 18 × 2, border 1 × 2). */
export const chartWidth = (box: Box) => Math.max(80, box.width - 38)
