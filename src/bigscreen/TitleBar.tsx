import { useEffect, useState } from 'react'

import { periodLabel } from '../lib/period'
import { asOfPeriod } from '../state/as-of'
import { sampleTablesIn, useCatalog } from '../state/catalog'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']
const two = (n: number) => String(n).padStart(2, '0')

/** Now, ticking once a second (one interval, cleared on unmount). */
function useClock(): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000)
    return () => clearInterval(timer)
  }, [])
  return now
}

export interface TitleBarProps {
  readonly pageTitle: string
  readonly pages: readonly string[]
  readonly index: number
  readonly paused: boolean
  readonly onFullscreen: () => void
}

/** The committee's title, the page, the date and time, the data's "as of" month, and the screen's state. */
export function TitleBar({ pageTitle, pages, index, paused, onFullscreen }: TitleBarProps) {
  const now = useClock()
  const snapshot = useCatalog()
  const asOf = asOfPeriod(snapshot)
  const sample = sampleTablesIn(snapshot).length > 0
  const engine = snapshot.engine
  return (
    <header className="screen-title">
      <div className="screen-title__brand">
        <span className="screen-title__emblem" aria-hidden="true" />
        <div>
          <h1>太仓市人大常委会 · 经济运行观察点</h1>
          <p className="screen-title__page" data-testid="screen-page-title">
            {pageTitle}
          </p>
        </div>
      </div>
      <ol className="screen-title__dots" aria-label="轮播页面">
        {pages.map((p, i) => (
          <li key={p} aria-current={i === index ? 'page' : undefined}>
            {p}
          </li>
        ))}
      </ol>
      <div className="screen-title__meta">
        <p className="screen-title__clock" data-testid="screen-clock">
          {`${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日 星期${WEEKDAYS[now.getDay()]} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`}
        </p>
        <p className="screen-title__asof">
          {engine.status === 'restarting' ? (
            <span className="screen-title__warn" role="status">
              数据更新中断，正在恢复 · 显示最近一次数据
            </span>
          ) : (
            <span>{asOf ? `数据截至${periodLabel(asOf)}` : '正在加载数据…'}</span>
          )}
          {sample && <span className="screen-title__sample">示例数据</span>}
          {paused && <span className="screen-title__paused">已暂停</span>}
        </p>
      </div>
      <button type="button" className="screen-title__fullscreen" onClick={onFullscreen} title="全屏（F）">
        全屏
      </button>
    </header>
  )
}
