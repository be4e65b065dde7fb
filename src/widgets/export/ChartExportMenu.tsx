import { useRef, useState } from 'react'

import type { ExportBackground } from '../../export/colors'
import { copyPng } from '../../export/download'
import type { ChartExportKind } from './actions'
import type { ChartExportSource } from './registry'
import { TaskStatus, useExportTask } from './useExportTask'

import './export.css'

const RATIOS = [1, 2, 3] as const
const actions = () => import('./actions')

/** A chart's export menu: PNG at 1×/2×/3×, SVG, a copy for pasting, and the data as CSV or XLSX. */
export function ChartExportMenu({ source, title }: { readonly source: ChartExportSource; readonly title: string }) {
  const menu = useRef<HTMLDetailsElement>(null)
  const [background, setBackground] = useState<ExportBackground>('theme')
  const { state, run } = useExportTask()
  const busy = state.kind === 'working'
  const close = () => {
    if (menu.current) menu.current.open = false
  }
  const exportAs = (kind: ChartExportKind, what: string, ratio?: number) => () => {
    close()
    void run(what, async () => (await actions()).exportChart(source, kind, background, ratio))
  }
  // The clipboard must be asked inside the click: hand it the image as a promise.
  const copy = () => {
    close()
    const png = actions().then((a) => a.chartPng(source, background))
    void run('复制图片', () => copyPng(png))
  }

  return (
    <div className="export-menu">
      <details className="export-menu__details" ref={menu} data-export-menu={source.id}>
        <summary className="export-menu__button" aria-label={`导出：${title}`} title="导出图片或数据">
          导出
        </summary>
        <div className="export-menu__panel" role="menu" aria-label="导出">
          <fieldset className="export-menu__background">
            <legend>图片背景</legend>
            <label>
              <input
                type="radio"
                name={`bg-${source.id}`}
                value="theme"
                data-background="theme"
                checked={background === 'theme'}
                onChange={() => setBackground('theme')}
              />
              随主题
            </label>
            <label>
              <input
                type="radio"
                name={`bg-${source.id}`}
                value="white"
                data-background="white"
                checked={background === 'white'}
                onChange={() => setBackground('white')}
              />
              白色（打印）
            </label>
          </fieldset>
          {RATIOS.map((ratio) => (
            <button
              key={ratio}
              type="button"
              role="menuitem"
              disabled={busy}
              data-export="png"
              data-pixel-ratio={ratio}
              onClick={exportAs('png', '导出图片', ratio)}
            >
              PNG 图片 {ratio}×
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            disabled={busy}
            data-export="svg"
            onClick={exportAs('svg', '导出矢量图')}
          >
            SVG 矢量图
          </button>
          <button type="button" role="menuitem" disabled={busy} data-export="copy" onClick={copy}>
            复制图片
          </button>
          <hr />
          <button type="button" role="menuitem" disabled={busy} data-export="csv" onClick={exportAs('csv', '导出数据')}>
            数据 CSV
          </button>
          <button
            type="button"
            role="menuitem"
            disabled={busy}
            data-export="xlsx"
            onClick={exportAs('xlsx', '导出数据')}
          >
            数据 Excel（XLSX）
          </button>
        </div>
      </details>
      <TaskStatus state={state} />
    </div>
  )
}
