import { useEffect, useRef, useState, useSyncExternalStore } from 'react'

import { downloadBlob } from '../../export/download'
import { asOfPeriod } from '../../state/as-of'
import { catalog } from '../../state/catalog'
import { useCoordinator } from '../../state/coordinator-context'
import { useFilters } from '../../state/filters'
import { useRoute } from '../../state/router'
import type { BriefingFormat, BriefingProgress } from './briefing'
import { narrativesOnPage, narrativeSources } from './narratives'
import { chartsOnPage, chartSources } from './registry'

import './export.css'

const FORMATS = [
  { format: 'pptx', label: '生成 PPT（PPTX，图表可编辑）', name: 'PPT' },
  { format: 'pdf', label: '生成 PDF（A4 横版）', name: 'PDF' },
  { format: 'docx', label: '生成 Word（DOCX）', name: 'Word' },
] as const

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly format: string; readonly progress: BriefingProgress | null }
  | { readonly kind: 'done'; readonly format: string; readonly fileName: string; readonly bytes: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly message: string }

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

/**
 * 一键生成汇报材料: the page's charts (all, or those chosen) as a briefing in the office's
 * 汇报材料 order — cover with the headline, 一、总体情况 with the key figures, 二、分领域情况,
 * 三、需要关注的问题 — as PPTX (native charts), PDF (vector charts) or DOCX. While it is made a
 * card shows each step and offers 取消; the result is said in the same card.
 */
export function BriefingAction({ path, label }: { readonly path: string; readonly label: string }) {
  const menu = useRef<HTMLDetailsElement>(null)
  const sources = useSyncExternalStore(chartSources.subscribe, chartSources.get)
  const filters = useFilters()
  const route = useRoute()
  const coordinator = useCoordinator()
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set())
  const [open, setOpen] = useState(false)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const abort = useRef<AbortController | null>(null)
  // Listed when the panel opens: which charts are on the page is read from the page itself.
  const charts = open ? chartsOnPage(sources, path) : []
  const chosen = charts.filter((c) => !excluded.has(c.id))
  const working = status.kind === 'working'

  // A confirmation, not a lasting state: it goes after a while (or with 关闭).
  useEffect(() => {
    if (status.kind !== 'done' && status.kind !== 'cancelled') return
    const t = setTimeout(() => setStatus({ kind: 'idle' }), 15_000)
    return () => clearTimeout(t)
  }, [status])
  // Leaving the page stops a pack still being made.
  useEffect(() => () => abort.current?.abort(), [path])

  const generate = (format: BriefingFormat, name: string) => async () => {
    const selected = chartsOnPage(chartSources.get(), path).filter((c) => !excluded.has(c.id))
    if (menu.current) menu.current.open = false
    const controller = new AbortController()
    abort.current = controller
    const { signal } = controller
    setStatus({ kind: 'working', format: name, progress: null })
    try {
      if (selected.length === 0) throw new Error('本页没有可导出的图表')
      const { gatherBriefing, writeBriefing } = await import('./briefing')
      const onProgress = (progress: BriefingProgress) => {
        if (!signal.aborted) setStatus({ kind: 'working', format: name, progress })
      }
      const doc = await gatherBriefing(
        {
          pageLabel: label,
          charts: selected,
          narratives: narrativesOnPage(narrativeSources.get(), path),
          filters,
          asOf: asOfPeriod(catalog.get()),
          params: route.params,
          format,
          coordinator,
        },
        { signal, onProgress, extraSteps: 1 },
      )
      const total = 2 + selected.length
      onProgress({ done: total - 1, total, label: `写入 ${name} 文件` })
      const blob = await writeBriefing(format, doc, { signal })
      signal.throwIfAborted()
      const fileName = `${doc.title}_${doc.date}.${format}`
      downloadBlob(blob, fileName)
      setStatus({ kind: 'done', format: name, fileName, bytes: blob.size })
    } catch (error) {
      if (!signal.aborted) setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
    } finally {
      if (abort.current === controller) abort.current = null
    }
  }

  return (
    <div className="export-menu briefing">
      <details
        className="export-menu__details"
        ref={menu}
        onToggle={(e) => {
          const isOpen = e.currentTarget.open
          setOpen(isOpen)
          // Opening the menu moves on from the last result: its card would cover the menu.
          if (isOpen) setStatus((s) => (s.kind === 'working' ? s : { kind: 'idle' }))
        }}
        data-briefing-page={path}
      >
        <summary className="export-menu__button" title="把本页内容生成 PPT、PDF 或 Word 汇报材料">
          <span className="briefing__long">一键生成</span>汇报材料
        </summary>
        <div className="export-menu__panel" role="menu" aria-label="汇报材料">
          <p className="briefing__charts">
            按汇报材料结构：封面要点、一、总体情况（主要指标）、二、分领域情况、三、需要关注的问题。
          </p>
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
              disabled={working || (open && chosen.length === 0)}
              onClick={generate(f.format, f.name)}
            >
              {f.label}
            </button>
          ))}
        </div>
      </details>
      <BriefingStatus
        status={status}
        onCancel={() => {
          // Said at once: what is still under way is dropped when it returns.
          abort.current?.abort()
          setStatus({ kind: 'cancelled' })
        }}
        onClose={() => setStatus({ kind: 'idle' })}
      />
    </div>
  )
}

function BriefingStatus({
  status,
  onCancel,
  onClose,
}: {
  readonly status: Status
  readonly onCancel: () => void
  readonly onClose: () => void
}) {
  if (status.kind === 'idle') return null
  const close = (
    <button type="button" className="briefing-status__button" onClick={onClose} data-briefing-close>
      关闭
    </button>
  )
  return (
    <div
      className={`briefing-status briefing-status--${status.kind}`}
      role={status.kind === 'error' ? 'alert' : 'status'}
      aria-live="polite"
      data-export-state={status.kind}
    >
      {status.kind === 'working' && (
        <>
          <p className="briefing-status__title">正在生成 {status.format} 汇报材料…</p>
          <progress
            className="briefing-status__bar"
            max={status.progress?.total ?? 1}
            value={status.progress?.done ?? 0}
            aria-label="生成进度"
          />
          <p className="briefing-status__step" data-briefing-step={status.progress?.done ?? 0}>
            {status.progress
              ? `第${status.progress.done + 1}步，共${status.progress.total}步：${status.progress.label}`
              : '正在准备…'}
          </p>
          <button type="button" className="briefing-status__button" onClick={onCancel} data-briefing-cancel>
            取消
          </button>
        </>
      )}
      {status.kind === 'done' && (
        <>
          <p className="briefing-status__title">已生成 {status.format} 汇报材料</p>
          <p className="briefing-status__step">
            {status.fileName}（{size(status.bytes)}）已开始下载，请在浏览器的下载列表中查看。
          </p>
          {close}
        </>
      )}
      {status.kind === 'cancelled' && (
        <>
          <p className="briefing-status__title">已取消，没有生成文件。</p>
          {close}
        </>
      )}
      {status.kind === 'error' && (
        <>
          <p className="briefing-status__title">汇报材料生成失败</p>
          <p className="briefing-status__step">{status.message}</p>
          {close}
        </>
      )}
    </div>
  )
}
