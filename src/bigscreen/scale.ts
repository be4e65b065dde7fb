import type { LayoutMode } from './kiosk'

/** The design canvases: a 16:9 screen, and a 32:9 wall (two screens side by side). */
export const DESIGN = { fit: { width: 1920, height: 1080 }, wide: { width: 3840, height: 1080 } } as const

/** At or above this aspect ratio, `auto` re-lays the panels for a wide wall instead of letterboxing. */
export const WIDE_ASPECT = 2.4

export interface Fit {
  readonly layout: 'fit' | 'wide'
  readonly width: number
  readonly height: number
  /** Uniform scale from design pixels to CSS pixels: never squashed. */
  readonly scale: number
  /** Letterbox offsets, CSS pixels. */
  readonly left: number
  readonly top: number
}

/**
 * How the design canvas sits in a viewport: scaled uniformly to the largest size that fits,
 * centred, with bars on the spare sides. Canvases inside render at scale × devicePixelRatio,
 * so a 4K wall gets 4K pixels, not a 1080p bitmap stretched.
 */
export function fitCanvas(viewportWidth: number, viewportHeight: number, mode: LayoutMode): Fit {
  const aspect = viewportWidth / Math.max(1, viewportHeight)
  const layout = mode === 'auto' ? (aspect >= WIDE_ASPECT ? 'wide' : 'fit') : mode
  const { width, height } = DESIGN[layout]
  const scale = Math.min(viewportWidth / width, viewportHeight / height)
  return {
    layout,
    width,
    height,
    scale,
    left: Math.floor((viewportWidth - width * scale) / 2),
    top: Math.floor((viewportHeight - height * scale) / 2),
  }
}
