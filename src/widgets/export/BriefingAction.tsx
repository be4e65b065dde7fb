import { useRef, useState, useSyncExternalStore } from 'react'

import { TABLES } from '../../datasets/registry'
import { downloadBlob } from '../../export/download'
import { asOfPeriod } from '../../state/as-of'
import { catalog } from '../../state/catalog'
import { useCoordinator } from '../../state/coordinator-context'
import { useFilters } from '../../state/filters'
import { chartsOnPage, chartSources } from './registry'
import { TaskStatus, useExportTask } from './useExportTask'

import './export.css'

const FORMATS = [
  { format: 'pptx', label: '生成 PPT（PPTX）' },
  { format: 'pdf', label: '生成 PDF' },
] as const

/**
 * 一键生成汇报材料: the page's charts (all, or those chosen) as a PPTX or a PDF with a title
 * page, one page per chart with its sentence and source, and the headline figures.
 */
export function BriefingAction({ path, label }: { readonly path: string; readonly label: string }) {
  const menu = useRef<HTMLDetailsElement>(null)
  const sources = useSyncExternalStore(chartSources.subscribe, chartSources.get)
  const filters = useFilters()
  const coordinator = useCoordinator()
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set())
  const [open, setOpen] = useState(false)
  const { state, run } = useExportTask()
  // Listed when the panel opens: which charts are on the page is read from the page itself.
  const charts = open ? chartsOnPage(sources, path) : []
  const chosen = charts.filter((c) => !excluded.has(c.id))

  const generate = (format: 'pptx' | 'pdf') => () => {
    const selected = chartsOnPage(chartSources.get(), path).filter((c) => !excluded.has(c.id))
    if (menu.current) menu.current.open = false
    void run(format === 'pptx' ? '生成PPT' : '生成PDF', async () => {
      if (selected.length === 0) throw new Error('本页没有可导出的图表')
      const { gatherBriefing } = await import('./briefing')
      const pack = await gatherBriefing({
        pageLabel: label,
        charts: selected,
        filters,
        asOf: asOfPeriod(catalog.get()),
        tables: TABLES.map((t) => t.name),
        coordinator,
      })
      const blob =
        format === 'pptx'
          ? await (await import('../../export/pptx')).buildPptx(pack)
          : await (await import('../../export/pdf')).buildPdf(pack)
      downloadBlob(blob, `${pack.title}_${pack.date}.${format}`)
    })
  }

  return (
    <div className="export-menu briefing">
      <details
        className="export-menu__details"
        ref={menu}
        onToggle={(e) => setOpen(e.currentTarget.open)}
        data-briefing-page={path}
      >
        <summary className="export-menu__button" title="把本页图表生成 PPT 或 PDF 汇报材料">
          <span className="briefing__long">一键生成</span>汇报材料
        </summary>
        <div className="export-menu__panel" role="menu" aria-label="汇报材料">
          <p className="briefing__charts">选择图表（默认本页全部）：</p>
          <div className="briefing__charts">
            {charts.length === 0 && <span className="muted">本页没有可导出的图表</span>}
            {charts.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  data-briefing-chart={c.id}
                  checked={!excluded.has(c.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked
                    setExcluded((s) => {
                      const next = new Set(s)
                      if (on) next.delete(c.id)
                      else next.add(c.id)
                      return next
                    })
                  }}
                />
                {c.snapshot().title}
              </label>
            ))}
          </div>
          {FORMATS.map((f) => (
            <button
              key={f.format}
              type="button"
              role="menuitem"
              data-export="briefing"
              data-format={f.format}
              disabled={state.kind === 'working' || (open && chosen.length === 0)}
              onClick={generate(f.format)}
            >
              {f.label}
            </button>
          ))}
        </div>
      </details>
      <TaskStatus state={state} />
    </div>
  )
}
