import { useCallback, useEffect, useRef, useState } from 'react'

import { getTable } from '../../datasets/registry'
import { suggestTargets } from '../../ingest/mapping'
import type { UploadDecisions } from '../../ingest/plan'
import type { BatchRead } from '../../ingest/xlsx/batch'
import { groupFileName } from '../../ingest/xlsx/place'
import { commitDraft, discardDraft, prepareDraft, type UploadDraft } from '../../state/uploads'
import { IssueReport } from './IssueReport'
import { PreviewTable } from './PreviewTable'
import { ReportNotes } from './ReportNotes'
import { type TargetChoice, TargetEditor } from './TargetEditor'
import { WorkbookFiles } from './WorkbookFiles'

type CardState =
  | { kind: 'working'; label: string }
  | { kind: 'ready' }
  | { kind: 'loaded'; rows: number; total: number; table: string; saved: 'saving' | 'saved' | 'unsaved' }
  | { kind: 'rejected'; reason: string }

const fmt = (n: number) => n.toLocaleString('zh-CN')
const LABELS: Record<string, string> = {
  waiting: '正在等待数据引擎启动，就绪后自动开始',
  decoding: '正在载入（第 2/5 步）',
  loading: '正在载入并校验（第 3/5 步）',
  validating: '正在校验（第 4/5 步）',
}

/**
 * One upload made of workbooks: one workbook, or every workbook dropped with it that maps
 * onto the same dataset. One preview, one report naming file, sheet, row and column, one
 * atomic commit: all the files' rows go in together or none do.
 */
export function WorkbookGroupCard({
  batch,
  group,
  onSheet,
  onMonth,
}: {
  batch: BatchRead
  group: number
  onSheet: (file: number, sheet: string) => void
  onMonth: (month: string | null) => void
}) {
  const g = batch.groups[group]!
  const name = groupFileName(batch, group)
  const [state, setState] = useState<CardState>({ kind: 'working', label: LABELS.loading! })
  const [draft, setDraft] = useState<UploadDraft | null>(null)
  const [skipFailing, setSkipFailing] = useState(true)
  const [optionError, setOptionError] = useState<string | null>(null)
  const draftRef = useRef<UploadDraft | null>(null)

  const prepare = useCallback(
    async (decisions?: Partial<UploadDecisions>) => {
      setState({ kind: 'working', label: LABELS.loading! })
      const r = await prepareDraft(
        new Blob([g.csv as Uint8Array<ArrayBuffer>], { type: 'text/csv' }),
        name,
        {
          ...(decisions ? { decisions } : {}),
          workbook: { batch, group },
          onPhase: (phase) => setState({ kind: 'working', label: LABELS[phase] ?? LABELS.loading! }),
        },
        draftRef.current ?? undefined,
      )
      if (!r.ok) {
        if (draftRef.current) {
          setOptionError(r.error)
          setState({ kind: 'ready' })
        } else setState({ kind: 'rejected', reason: r.error })
        return
      }
      setOptionError(null)
      draftRef.current = r.value
      setDraft(r.value)
      setState({ kind: 'ready' })
    },
    [batch, group, g, name],
  )

  useEffect(() => {
    const start = setTimeout(() => void prepare(), 0)
    return () => clearTimeout(start)
  }, [prepare])

  // Leaving (or the batch read again) with the upload still under review drops its staging.
  useEffect(
    () => () => {
      const pending = draftRef.current
      draftRef.current = null
      if (pending) void discardDraft(pending)
    },
    [],
  )

  const confirm = async () => {
    if (!draft) return
    setState({ kind: 'working', label: '正在写入数据（第 5/5 步）' })
    const report = draft.prepared.report
    const taken = report.rows - (skipFailing ? report.failingRows : 0)
    const r = await commitDraft(draft, skipFailing)
    draftRef.current = null
    if (!r.ok) return setState({ kind: 'rejected', reason: r.error })
    setState({ kind: 'loaded', rows: taken, total: r.value.rows, table: r.value.name, saved: 'saving' })
    const saved = await r.value.persisted
    setState((s) => (s.kind === 'loaded' ? { ...s, saved: saved ? 'saved' : 'unsaved' } : s))
  }

  const cancel = async () => {
    if (!draft) return
    await discardDraft(draft)
    draftRef.current = null
    setState({ kind: 'rejected', reason: '已取消，数据未改动' })
  }

  const prepared = draft?.prepared
  const report = prepared?.report
  const target = prepared?.plan.target
  const choice: TargetChoice | null = prepared
    ? prepared.decisions.target.kind === 'table'
      ? { ...prepared.decisions.target }
      : { kind: 'adhoc', name: prepared.decisions.target.name }
    : null
  const blocked = report ? report.fatal.length > 0 : true
  const problems = report ? report.failingRows + report.rejectedLines : 0
  const busy = state.kind !== 'ready'
  const monthFrom = [...new Set(g.files.map((i) => batch.files[i]!.monthSource).filter(Boolean))]

  return (
    <section
      className="widget upload-card"
      data-widget="upload-card"
      data-kind="workbook"
      data-state={state.kind === 'working' ? 'loading' : state.kind === 'rejected' ? 'error' : 'ready'}
    >
      <div className="widget__head">
        <span className="upload-card__name">{name}</span>
        <span className="muted">Excel 工作簿 {g.files.length} 个</span>
      </div>

      {state.kind === 'working' && (
        <div className="upload-card__phase" aria-live="polite">
          {state.label}…
          <div className="progress progress--indeterminate" role="progressbar" aria-valuetext={state.label}>
            <div className="progress__bar" />
          </div>
        </div>
      )}

      {prepared && report && target && choice && state.kind !== 'loaded' && (
        <div
          className="upload-preview"
          data-testid="upload-preview"
          data-dataset={target.kind === 'table' ? target.table.name : 'adhoc'}
          data-encoding="xlsx"
          data-rows={report.rows}
          data-issues={report.issueCount}
        >
          <WorkbookFiles batch={batch} group={group} issues={report.issues} disabled={busy} onSheet={onSheet} />

          {g.month && (
            <div className="upload-card__facts" data-testid="workbook-month">
              <label>
                <input
                  type="checkbox"
                  checked={g.month.added}
                  disabled={busy}
                  onChange={(e) => onMonth(e.target.checked ? (g.month?.value ?? null) : null)}
                />
                表中没有月份列，每一行的月份取
              </label>
              <input
                type="month"
                aria-label="每一行的月份"
                value={g.month.value ?? ''}
                disabled={busy || !g.month.added}
                onChange={(e) => e.target.value && onMonth(e.target.value)}
              />
              <span className="muted">
                {monthFrom.length
                  ? `（来自${monthFrom.join('、')}，请确认）`
                  : '（标题和工作表名中都没有月份，请填写）'}
              </span>
            </div>
          )}

          {optionError && (
            <div className="upload-alert" role="alert">
              所选设置无法读取，仍按上面的设置显示：{optionError}
            </div>
          )}

          <PreviewTable headers={g.headers} rows={g.sample} />

          <TargetEditor
            headers={prepared.analysis.headers}
            target={choice}
            suggested={suggestTargets(prepared.analysis.rawHeaders, name).map((s) => s.table.name)}
            adhocColumns={report.adhocColumns}
            adhocName={choice.kind === 'adhoc' ? choice.name : name.replace(/\.[^.]*$/, '')}
            onChange={(t) => void prepare({ target: t })}
            disabled={busy}
          />

          <div className="upload-summary">
            <span>
              数据 <strong>{fmt(report.rows)}</strong> 行
            </span>
            <span>
              有问题 <strong className={problems ? 'warn' : ''}>{fmt(problems)}</strong> 行
            </span>
            {report.overlap !== undefined && report.overlap > 0 && (
              <span>将覆盖已有 {fmt(report.overlap)} 行（主键相同）</span>
            )}
            {target.kind === 'table' && <span className="muted">目标：{getTable(target.table.name)?.label}</span>}
          </div>

          <ReportNotes title="读取说明" notes={[...g.notes, ...(report.notes ?? [])]} />

          {report.fatal.length > 0 && (
            <div className="upload-alert" role="alert">
              无法导入：{report.fatal.map((f) => f.problem).join('；')}
            </div>
          )}

          <IssueReport fileName={name} issues={report.issues} total={report.issueCount} />

          {!blocked && problems > 0 && (
            <div className="upload-card__facts">
              <label>
                <input
                  type="radio"
                  name={`onerror-${name}`}
                  checked={skipFailing}
                  onChange={() => setSkipFailing(true)}
                />
                跳过有问题的 {fmt(problems)} 行，导入其余 {fmt(Math.max(0, report.rows - report.failingRows))} 行
              </label>
              <label>
                <input
                  type="radio"
                  name={`onerror-${name}`}
                  checked={!skipFailing}
                  onChange={() => setSkipFailing(false)}
                />
                全部不导入
              </label>
            </div>
          )}

          <div className="upload-card__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="upload-confirm"
              disabled={busy}
              onClick={() => void confirm()}
            >
              {blocked || (!skipFailing && problems > 0)
                ? '确认（不导入）'
                : g.files.length > 1
                  ? `确认导入全部 ${g.files.length} 个文件`
                  : target.kind === 'table' && target.mode === 'append'
                    ? '确认追加'
                    : '确认导入'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void cancel()}>
              取消
            </button>
            <span className="muted">
              {g.files.length > 1 ? '这些文件一起导入：要么全部写入，要么都不写入。' : ''}
              确认之前，任何数据表都不会改动。
            </span>
          </div>
        </div>
      )}

      {state.kind === 'loaded' && (
        <div
          className="upload-ok"
          data-testid="upload-result"
          data-status="loaded"
          data-rows={state.rows}
          data-persisted={state.saved}
        >
          已导入 {fmt(state.rows)} 行到「{getTable(state.table)?.label ?? state.table}」
          {state.total !== state.rows ? `，表中现共 ${fmt(state.total)} 行` : ''}。
          <span aria-live="polite">
            {state.saved === 'saving'
              ? '正在保存到本机浏览器，请勿关闭页面…'
              : state.saved === 'saved'
                ? '已保存在本机浏览器中，刷新或重新打开后仍在。'
                : '注意：浏览器不允许本地保存，刷新后需要重新上传。'}
          </span>
        </div>
      )}
      {state.kind === 'rejected' && (
        <div className="upload-alert" data-testid="upload-result" data-status="rejected" data-rows={0} role="alert">
          {state.reason}
        </div>
      )}
    </section>
  )
}
