import { href } from '../../state/router'
import { PinnedChart } from './PinnedChart'
import { usePins } from './stores'
import { useLiveCatalog } from './useLiveCatalog'

import './explore.css'

/** 我的看板: the charts pinned from the chart builder, kept in this browser, re-run on every visit. */
export function PinBoard() {
  const pins = usePins()
  const live = useLiveCatalog()
  if (pins.length === 0) {
    return (
      <section className="widget" data-widget="pin-board" data-state="empty">
        <p className="widget__message">
          还没有固定的图表。在<a href={href('/explore')}>数据探索</a>
          页面的图表生成器中做好图表后，点击“固定到我的看板”。
        </p>
      </section>
    )
  }
  return (
    <div className="pin-board" data-widget="pin-board" data-state="ready" data-pins={pins.length}>
      {pins.map((pin, i) => (
        <PinnedChart key={pin.id} pin={pin} index={i} count={pins.length} live={live} />
      ))}
    </div>
  )
}
