import { useState } from 'react'

import { ChartBuilder } from '../widgets/explore/ChartBuilder'
import { type ConsoleQuery, SqlConsole } from '../widgets/explore/SqlConsole'

export default function ExplorePage() {
  // The console's last query, offered to the chart builder as a data source.
  const [consoleQuery, setConsoleQuery] = useState<ConsoleQuery | null>(null)
  return (
    <div className="page page--explore explore-layout">
      <header className="page__head">
        <h2>数据探索</h2>
        <p className="page__lede">
          用 SQL
          查询任意一张表（包括上传的表），或用图表生成器点选字段作图；做好的图表可以固定到“我的看板”。控制台只读，不会改动任何数据。
        </p>
      </header>
      <SqlConsole onResult={setConsoleQuery} />
      <ChartBuilder consoleQuery={consoleQuery} />
    </div>
  )
}
