/**
 * Kiosk settings from the URL, e.g.
 *   #/screen?pages=overview,clusters&interval=30&refresh=300&theme=dark&motion=off&layout=wide
 * (also resume=<s> after interaction, start=<index>, watchdog=<s> engine heartbeat)
 * Anything malformed falls back to its default; nothing here throws.
 */
export const SCREEN_PAGES = ['overview', 'clusters', 'projects', 'livelihood', 'supervision'] as const
export type ScreenPage = (typeof SCREEN_PAGES)[number]

export type LayoutMode = 'auto' | 'fit' | 'wide'

export interface KioskSettings {
  /** Pages shown, in rotation order. */
  readonly pages: readonly ScreenPage[]
  /** Seconds each page shows. */
  readonly interval: number
  /** Seconds between data refreshes. */
  readonly refresh: number
  readonly theme: 'dark' | 'light'
  /** Count-ups, scrolling lists, cycling highlights. Off also when the system asks for reduced motion. */
  readonly motion: boolean
  /** fit: one 16:9 canvas, letterboxed; wide: panels re-laid for a 32:9 wall; auto: wide when the screen is ≥ 2.4:1. */
  readonly layout: LayoutMode
  /** Seconds without interaction before a paused rotation resumes. */
  readonly resumeAfter: number
  /** Start on this page (index into `pages`). */
  readonly start: number
  /** Seconds between engine heartbeats, and how long one may go unanswered before the engine is replaced. */
  readonly watchdog: number
}

export const DEFAULT_KIOSK: KioskSettings = {
  pages: SCREEN_PAGES,
  interval: 30,
  refresh: 300,
  theme: 'dark',
  motion: true,
  layout: 'auto',
  resumeAfter: 60,
  start: 0,
  watchdog: 15,
}

function seconds(value: string | null, min: number, max: number, fallback: number): number {
  if (value === null || value.trim() === '') return fallback
  const n = Number(value)
  return Number.isFinite(n) && n >= min && n <= max ? n : fallback
}

export function parseKiosk(params: URLSearchParams, reducedMotion = false): KioskSettings {
  const pages = (params.get('pages') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p): p is ScreenPage => (SCREEN_PAGES as readonly string[]).includes(p))
  const unique = [...new Set(pages)]
  const list = unique.length ? unique : DEFAULT_KIOSK.pages
  const layout = params.get('layout')
  return {
    pages: list,
    // Down to a fifth of a second, for soak tests; up to an hour.
    interval: seconds(params.get('interval'), 0.2, 3600, DEFAULT_KIOSK.interval),
    refresh: seconds(params.get('refresh'), 2, 86_400, DEFAULT_KIOSK.refresh),
    theme: params.get('theme') === 'light' ? 'light' : 'dark',
    motion: params.get('motion') !== 'off' && !reducedMotion,
    layout: layout === 'fit' || layout === 'wide' ? layout : 'auto',
    resumeAfter: seconds(params.get('resume'), 1, 3600, DEFAULT_KIOSK.resumeAfter),
    start: Math.min(list.length - 1, Math.max(0, Math.floor(seconds(params.get('start'), 0, 99, 0)))),
    watchdog: seconds(params.get('watchdog'), 2, 600, DEFAULT_KIOSK.watchdog),
  }
}

export const PAGE_TITLES: Record<ScreenPage, string> = {
  overview: '总览',
  clusters: '产业集群',
  projects: '重点项目',
  livelihood: '民生实事',
  supervision: '监督与代表工作',
}
