import { type ReactNode, useEffect, useMemo, useState } from 'react'

import { SCREEN_FONT } from '../charts/theme'
import { ChartSurfaceContext } from '../ui/echart/surface'
import type { LayoutMode } from './kiosk'
import { type Fit, fitCanvas } from './scale'

function viewport() {
  return { width: window.innerWidth, height: window.innerHeight, dpr: window.devicePixelRatio || 1 }
}

/**
 * The design canvas (1920×1080, or 3840×1080 for a wide wall) scaled uniformly to the
 * screen and centred. Charts inside draw at scale × devicePixelRatio, so their canvases have
 * the screen's real pixels; DOM text is rasterised by the browser at the final size.
 */
export function ScreenCanvas({
  mode,
  children,
}: {
  readonly mode: LayoutMode
  readonly children: (fit: Fit) => ReactNode
}) {
  const [view, setView] = useState(viewport)
  useEffect(() => {
    const onResize = () => setView(viewport())
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  const fit = fitCanvas(view.width, view.height, mode)
  // Round so a tiny resize does not re-create every chart.
  const pixelRatio = Math.round(fit.scale * view.dpr * 10000) / 10000
  const surface = useMemo(() => ({ font: SCREEN_FONT, pixelRatio, screen: true }), [pixelRatio])
  return (
    <div className="screen-viewport">
      <div
        className={`screen-canvas screen-canvas--${fit.layout}`}
        data-layout={fit.layout}
        data-scale={fit.scale}
        style={{
          width: fit.width,
          height: fit.height,
          transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})`,
        }}
      >
        <ChartSurfaceContext.Provider value={surface}>{children(fit)}</ChartSurfaceContext.Provider>
      </div>
    </div>
  )
}
