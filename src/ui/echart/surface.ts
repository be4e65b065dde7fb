import { createContext, useContext } from 'react'

/**
 * Where charts are drawn. The big screen says "large type, and render at this pixel ratio"
 * for every chart inside it, so a 4K wall gets 4K pixels and 24 px text.
 */
export interface ChartSurface {
  /** Base font size in CSS pixels for chart text. */
  readonly font: number
  /** Canvas pixels per CSS pixel; undefined: the device's own. */
  readonly pixelRatio?: number
  /** Use the screen themes (larger type). */
  readonly screen: boolean
}

export const DESK_SURFACE: ChartSurface = { font: 12, screen: false }

export const ChartSurfaceContext = createContext<ChartSurface>(DESK_SURFACE)

export function useChartSurface(): ChartSurface {
  return useContext(ChartSurfaceContext)
}
