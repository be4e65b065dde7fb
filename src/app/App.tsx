import { lazy, Suspense, useEffect, useMemo } from 'react'

import { TABLES } from '../datasets/registry'
import { periodLabel } from '../lib/period'
import { asOfPeriod } from '../state/as-of'
import { sampleTablesIn, useCatalog } from '../state/catalog'
import { useAskAhead } from '../state/prefetch'
import { applyPending, pollManifest } from '../state/published'
import { PageHost, PageScope, watchPageReady } from '../state/readiness'
import { href, useRoute } from '../state/router'
import { setTheme, useTheme } from '../state/theme'
import { ErrorBoundary, isChunkLoadError } from '../ui/ErrorBoundary'
import { BriefingAction } from '../widgets/export/BriefingAction'
import { DataUpdateNotice } from '../widgets/published/DataUpdateNotice'
import { watchEngine } from './boot'
import { findRoute, ROUTES } from './routes'

/** The kiosk for the wall (#/screen): its own chunk, outside the desk's shell. */
const BigScreen = lazy(() => import('../bigscreen/BigScreen'))

function SampleBadge() {
  const snapshot = useCatalog()
  const sample = sampleTablesIn(snapshot)
  if (sample.length === 0) return null
  return (
    <span
      className="tag tag--sample tag--large"
      data-testid="sample-badge"
      title={`以下表格使用内置示例数据（合成，非真实统计）：${sample.map((t) => t.label).join('、')}`}
    >
      示例数据
    </span>
  )
}

function StatusLine() {
  const snapshot = useCatalog()
  const asOf = asOfPeriod(snapshot)
  if (snapshot.engine.status === 'failed') {
    return (
      <span className="warn" role="alert">
        数据引擎未能启动
      </span>
    )
  }
  if (!snapshot.dataReady) return <span className="muted">正在加载数据…</span>
  const failed = TABLES.filter((t) => snapshot.tables[t.name]?.status === 'error')
  return (
    <span>
      {asOf ? `数据截至${periodLabel(asOf)}` : '暂无月度数据'}
      {failed.length > 0 && (
        <a className="warn" href={href('/datasets')}>
          {' '}
          · {failed.length}张表加载失败
        </a>
      )}
    </span>
  )
}

function ThemeToggle() {
  const theme = useTheme()
  const next = theme === 'dark' ? 'light' : 'dark'
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label={next === 'dark' ? '切换到深色主题' : '切换到浅色主题'}
      title={next === 'dark' ? '深色主题' : '浅色主题'}
      onClick={() => setTheme(next)}
    >
      {theme === 'dark' ? '☀' : '☾'}
    </button>
  )
}

/** What a page that cannot be shown says instead, with the navigation still there. */
function PageError({ error }: { readonly error: Error }) {
  const chunk = isChunkLoadError(error)
  return (
    <div className="page-error" role="alert" data-testid="page-error">
      <h2>{chunk ? '页面未能加载' : '页面出现错误'}</h2>
      <p>
        {chunk
          ? '这个页面的程序文件没有下载成功：可能是网络中断，或者看板刚刚更新了版本。重新加载即可。'
          : '这个页面遇到了意外的错误，其他页面不受影响。重新加载可以恢复。'}
      </p>
      <p className="muted page-error__detail">{error.message}</p>
      <button type="button" className="button button--primary" onClick={() => location.reload()}>
        重新加载
      </button>
    </div>
  )
}

/** How long the wall shows a failed load before it reloads itself (a redeploy replaced its files). */
const WALL_RELOAD_MS = 15_000

/** The wall's fallback: a calm message, and a reload on its own — nobody is there to click. */
function WallError({ error }: { readonly error: Error }) {
  useEffect(() => {
    const timer = setTimeout(() => location.reload(), WALL_RELOAD_MS)
    return () => clearTimeout(timer)
  }, [])
  return (
    <div className="wall-error" role="alert" data-testid="page-error">
      <p>大屏正在重新连接…</p>
      <p className="muted">
        {isChunkLoadError(error) ? '看板程序已更新或网络中断，' : '遇到意外错误，'}稍后自动重新加载
      </p>
    </div>
  )
}

export function App() {
  const route = useRoute()
  if (route.path === '/screen') {
    return (
      <ErrorBoundary fallback={(error) => <WallError error={error} />}>
        <Suspense fallback={null}>
          <BigScreen watchEngine={watchEngine} />
        </Suspense>
      </ErrorBoundary>
    )
  }
  return <Desk />
}

/** How often a desk asks whether newer data was published (a 304 when nothing changed). */
const DESK_POLL_MS = 60_000

function Desk() {
  const route = useRoute()
  const current = findRoute(route.path)
  // The page's views: ready when every one has settled; the page does not wait for tables it does not show.
  const scope = useMemo(() => new PageScope(current.path), [current.path])
  useEffect(() => watchPageReady(scope), [scope])
  useAskAhead(scope)

  useEffect(() => {
    const timer = setInterval(() => void pollManifest(), DESK_POLL_MS)
    return () => clearInterval(timer)
  }, [])
  // Newer published data is shown at the next page change, never under the reader's eyes.
  useEffect(() => {
    void applyPending()
  }, [current.path])

  const Page = current.page
  return (
    <div className="shell">
      <header className="shell__bar">
        <h1 className="shell__title" title="人大代表经济运行观察点数据看板">
          <span className="shell__logo" aria-hidden="true" />
          {/* A desk narrower than the whole bar shows the short name; a screen reader always hears the full one. */}
          <span className="shell__name">人大代表经济运行观察点数据看板</span>
          <span className="shell__name-short" aria-hidden="true">
            观察点数据看板
          </span>
        </h1>
        <nav className="shell__nav" aria-label="页面">
          {ROUTES.map((r) => (
            <a key={r.path} href={href(r.path)} aria-current={r.path === current.path ? 'page' : undefined}>
              {r.label}
            </a>
          ))}
        </nav>
        <div className="shell__status">
          <DataUpdateNotice />
          <BriefingAction path={current.path} label={current.label} />
          <SampleBadge />
          <StatusLine />
          <ThemeToggle />
        </div>
      </header>
      <main className="shell__main">
        {/* Keyed by path: another page starts afresh, so the navigation always works. */}
        <ErrorBoundary key={current.path} fallback={(error) => <PageError error={error} />}>
          <Suspense fallback={<p className="muted">加载页面…</p>}>
            {/* Keyed by path: readiness looks only at this page's views, not a previous page Suspense keeps hidden. */}
            {/* view: the page's filters. A view whose answers were at hand changes no view's state, only this. */}
            <PageHost scope={scope} view={route.params.toString()} key={current.path}>
              <div className="page-root" data-page={current.path}>
                <Page />
              </div>
            </PageHost>
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  )
}
