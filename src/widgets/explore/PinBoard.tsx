import type { PinRejection } from '../../explore/pins'
import { href } from '../../state/router'
import { PinnedChart } from './PinnedChart'
import { usePinRejections, usePins } from './stores'
import { useLiveCatalog } from './useLiveCatalog'

import './explore.css'

/** 我的看板: the charts pinned from the chart builder, kept in this browser, re-run on every visit. */
export function PinBoard() {
  const pins = usePins()
  const rejected = usePinRejections()
  const live = useLiveCatalog()
  const note = rejected.length > 0 && <RejectedPins rejected={rejected} />
  if (pins.length === 0) {
    return (
      <>
        {note}
        <section className="widget" data-widget="pin-board" data-state="empty">
          <p className="widget__message">
            还没有固定的图表。在<a href={href('/explore')}>数据探索</a>
            页面的图表生成器中做好图表后，点击“固定到我的看板”。
          </p>
        </section>
      </>
    )
  }
  return (
    <>
      {note}
      <div className="pin-board" data-widget="pin-board" data-state="ready" data-pins={pins.length}>
        {pins.map((pin, i) => (
          <PinnedChart key={pin.id} pin={pin} index={i} count={pins.length} live={live} />
        ))}
      </div>
    </>
  )
}

/** Stored entries the board refused: which, and why; none of their SQL ran. */
function RejectedPins({ rejected }: { readonly rejected: readonly PinRejection[] }) {
  return (
    <div className="pin-rejected" role="alert" data-pins-rejected={rejected.length}>
      <p>
        浏览器本机存储中有 {rejected.length} 个“我的看板”条目未通过检查，已忽略，其中的查询没有执行。
        这些条目可能来自同一网站上的其他页面或被改动过：
      </p>
      <ul>
        {rejected.slice(0, 10).map((r) => (
          <li key={r.place}>
            第 {r.place} 个{r.title !== null ? `（“${r.title}”）` : ''}：{r.reason}
          </li>
        ))}
      </ul>
      {rejected.length > 10 && <p className="muted">（只列出前 10 个）</p>}
    </div>
  )
}
