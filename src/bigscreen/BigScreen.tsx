import { useEffect, useMemo, useRef, useState } from 'react'

import { bumpEpoch } from '../state/catalog'
import { applyPending, pollManifest } from '../state/published'
import { markRecurring, PageHost, PageScope, watchPageReady } from '../state/readiness'
import { useRoute } from '../state/router'
import { setTheme } from '../state/theme'
import { type KioskSettings, PAGE_TITLES, parseKiosk, type ScreenPage } from './kiosk'
import { chartHeight, chartWidth, placeColumns } from './layout'
import { PAGE_LAYOUTS, PANELS } from './pages'
import { Rotation } from './rotation'
import { ScreenCanvas } from './ScreenCanvas'
import { TitleBar } from './TitleBar'

import './screen.css'

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches

function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
  else void document.documentElement.requestFullscreen?.().catch(() => undefined)
}

/** One page of the wall: its panels placed on the canvas. Mounted once and kept: charts update in place. */
function ScreenPageView({
  page,
  scope,
  layout,
  active,
  motion,
}: {
  readonly page: ScreenPage
  readonly scope: PageScope
  readonly layout: 'fit' | 'wide'
  readonly active: boolean
  readonly motion: boolean
}) {
  const boxes = useMemo(() => placeColumns(layout, PAGE_LAYOUTS[page][layout]), [page, layout])
  return (
    <PageHost scope={scope}>
      <div
        className="screen-page"
        data-page={`screen/${page}`}
        data-active={active || undefined}
        aria-hidden={!active}
        // Hidden pages stay laid out (their charts keep their size) but are not seen, focused or clicked.
        inert={!active}
      >
        {boxes.map((box, i) => (
          <div
            key={`${box.id}-${i}`}
            className="screen-panel"
            data-panel={box.id}
            style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
          >
            {PANELS[box.id]!({ width: chartWidth(box), height: chartHeight(box), motion: motion && active })}
          </div>
        ))}
      </div>
    </PageHost>
  )
}

export interface BigScreenProps {
  /** Start the engine heartbeat (every, timeout in ms); returns its stop function (the app owns the engine). */
  readonly watchEngine: (everyMs: number, timeoutMs: number) => () => void
}

/**
 * The kiosk (#/screen?...): a 大屏 that fits any wall, rotates through its pages, refreshes
 * its data, and keeps going for days. Every page stays mounted; rotation only shows another.
 */
export default function BigScreen({ watchEngine }: BigScreenProps) {
  const route = useRoute()
  const query = route.params.toString()
  const kiosk: KioskSettings = useMemo(() => parseKiosk(new URLSearchParams(query), reducedMotion()), [query])
  const [index, setIndex] = useState(kiosk.start)
  const [paused, setPaused] = useState(false)
  const rotation = useRef<Rotation | null>(null)
  // Each page's views, whose states say when the page on show has settled.
  const scopes = useMemo(() => new Map(kiosk.pages.map((p) => [p, new PageScope(`screen/${p}`)])), [kiosk.pages])
  const active = kiosk.pages[Math.min(index, kiosk.pages.length - 1)]!

  useEffect(() => {
    setTheme(kiosk.theme, false)
    document.documentElement.classList.add('is-screen')
    return () => document.documentElement.classList.remove('is-screen')
  }, [kiosk.theme])

  // Rotation, and the people who sometimes stand in front of it.
  useEffect(() => {
    const r = new Rotation({
      count: kiosk.pages.length,
      interval: kiosk.interval,
      resumeAfter: kiosk.resumeAfter,
      start: kiosk.start,
      onChange: (i) => {
        markRecurring(`screen-rotate:${kiosk.pages[i]}`)
        setIndex(i)
        setPaused(r.isPaused)
      },
    })
    rotation.current = r
    setIndex(kiosk.start)
    r.start()
    const interact = () => {
      r.interact()
      setPaused(r.isPaused)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight') r.next()
      else if (e.key === 'ArrowLeft') r.previous()
      else if (e.key === ' ') {
        e.preventDefault()
        r.toggle()
      } else if (e.key === 'f' || e.key === 'F') toggleFullscreen()
      else return
      setPaused(r.isPaused)
    }
    window.addEventListener('pointerdown', interact)
    window.addEventListener('pointermove', interact, { passive: true })
    window.addEventListener('wheel', interact, { passive: true })
    window.addEventListener('keydown', onKey)
    return () => {
      r.stop()
      rotation.current = null
      window.removeEventListener('pointerdown', interact)
      window.removeEventListener('pointermove', interact)
      window.removeEventListener('wheel', interact)
      window.removeEventListener('keydown', onKey)
    }
  }, [kiosk.pages, kiosk.interval, kiosk.resumeAfter, kiosk.start])

  // Fresh figures every `refresh` seconds: every panel asks again and updates in place.
  useEffect(() => {
    // Each refresh also asks whether newer data was published, and shows it in place: the
    // wall never reloads, so its rotation and every panel carry on.
    const refresh = async () => {
      await pollManifest()
      await applyPending()
      bumpEpoch()
    }
    const timer = setInterval(() => void refresh(), kiosk.refresh * 1000)
    return () => clearInterval(timer)
  }, [kiosk.refresh])

  // The engine heartbeat: a dead worker is replaced without a reload.
  useEffect(() => watchEngine(kiosk.watchdog * 1000, kiosk.watchdog * 1000), [watchEngine, kiosk.watchdog])

  // Readiness of the page on show (app-ready the first time; page-ready:screen/<page> on each visit).
  useEffect(() => watchPageReady(scopes.get(active)!), [scopes, active])

  return (
    <div className="screen" data-theme-screen={kiosk.theme} data-motion={kiosk.motion ? 'on' : 'off'}>
      <ScreenCanvas mode={kiosk.layout}>
        {(fit) => (
          <>
            <TitleBar
              pageTitle={PAGE_TITLES[active]}
              pages={kiosk.pages.map((p) => PAGE_TITLES[p])}
              index={index}
              paused={paused}
              onFullscreen={toggleFullscreen}
            />
            {kiosk.pages.map((page) => (
              <ScreenPageView
                key={page}
                page={page}
                scope={scopes.get(page)!}
                layout={fit.layout}
                active={page === active}
                motion={kiosk.motion}
              />
            ))}
          </>
        )}
      </ScreenCanvas>
    </div>
  )
}
