import { useCallback, useEffect, useRef, useState } from 'react'

import { getTable } from '../../datasets/registry'
import { suggestTargets } from '../../ingest/mapping'
import type { UploadDecisions } from '../../ingest/plan'
import { type Delimiter, DELIMITER_LABELS, DELIMITERS } from '../../ingest/sniff'
import { useViewState } from '../../state/readiness'
import { commitDraft, discardDraft, prepareDraft, type UploadDraft } from '../../state/uploads'
import { PublishAction } from '../published/PublishAction'
import { EncodingChoice } from './EncodingChoice'
import { IssueReport } from './IssueReport'
import { PreviewTable } from './PreviewTable'
import { type TargetChoice, TargetEditor } from './TargetEditor'

const PHASES = ['reading', 'decoding', 'loading', 'validating', 'committing'] as const
/** 'waiting': the file was picked while the engine starts; it is read as soon as it is ready. */
type Phase = (typeof PHASES)[number] | 'waiting'
const PHASE_LABELS: Record<Phase, string> = {
  waiting: '正在等待数据引擎启动，就绪后自动开始',
  reading: '正在读取文件',
  decoding: '正在识别编码并转换',
  loading: '正在载入并校验',
  validating: '正在校验',
  committing: '正在写入数据',
}

type CardState =
  | { kind: 'working'; phase: Phase }
  | { kind: 'ready' }
  /**
   * `rows`: rows taken from the file; `total`: the table's rows after the commit (more than
   * `rows` after an append); `saved`: whether the upload is kept in this browser yet.
   */
  | { kind: 'loaded'; rows: number; total: number; table: string; saved: 'saving' | 'saved' | 'unsaved' }
  | { kind: 'rejected'; reason: string }

const fmt = (n: number) => n.toLocaleString('zh-CN')

/** One file, from bytes to a committed table: detection, mapping, validation report, confirm. */
export function UploadCard({ file }: { file: File }) {
  const [state, setState] = useState<CardState>({ kind: 'working', phase: 'reading' })
  const [draft, setDraft] = useState<UploadDraft | null>(null)
  const [skipFailing, setSkipFailing] = useState(true)
  const [optionError, setOptionError] = useState<string | null>(null)
  const draftRef = useRef<UploadDraft | null>(null)

  const prepare = useCallback(
    async (decisions?: Partial<UploadDecisions>) => {
      setState({ kind: 'working', phase: 'decoding' })
      // The File itself goes down: only its first bytes are read here; DuckDB (or the decoding
      // worker) reads the rest off the main thread.
      const r = await prepareDraft(
        file,
        file.name,
        { ...(decisions ? { decisions } : {}), onPhase: (phase) => setState({ kind: 'working', phase }) },
        draftRef.current ?? undefined,
      )
      if (!r.ok) {
        if (draftRef.current) {
          // The previous reading still stands; say why the new choice did not work.
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
    [file],
  )

  useEffect(() => {
    // Deferred a tick, so a mount that is undone at once (React's strict mode) stages nothing.
    const start = setTimeout(() => void prepare(), 0)
    return () => clearTimeout(start)
  }, [file, prepare])

  // Leaving the page with a file still under review drops its staging (nothing was committed).
  useEffect(
    () => () => {
      const pending = draftRef.current
      draftRef.current = null
      if (pending) void discardDraft(pending)
    },
    [],
  )

  const redo = (change: Partial<UploadDecisions>) => {
    if (!draft) return
    const d = draft.prepared.decisions
    void prepare({ encoding: d.encoding, delimiter: d.delimiter, hasHeader: d.hasHeader, target: d.target, ...change })
  }

  const confirm = async () => {
    if (!draft) return
    setState({ kind: 'working', phase: 'committing' })
    const report = draft.prepared.report
    const taken = report.rows - (skipFailing ? report.failingRows : 0)
    const r = await commitDraft(draft, skipFailing)
    draftRef.current = null
    if (!r.ok) {
      setState({ kind: 'rejected', reason: r.error })
      return
    }
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
  const viewState = state.kind === 'working' ? 'loading' : state.kind === 'rejected' ? 'error' : 'ready'
  useViewState(viewState)

  return (
    <section className="widget upload-card" data-widget="upload-card" data-state={viewState}>
      <div className="widget__head">
        <span className="upload-card__name">{file.name}</span>
        <span className="muted">
          {file.size >= 1024 * 1024
            ? `${(file.size / 1048576).toFixed(1)} MB`
            : `${Math.max(1, Math.round(file.size / 1024))} KB`}
        </span>
      </div>

      {state.kind === 'working' && (
        <div className="upload-card__phase" aria-live="polite">
          {/* The file is read by DuckDB (or the decoding worker) off the main thread, which
              reports no byte count: the bar shows the step, not a percentage. */}
          {PHASE_LABELS[state.phase]}
          {state.phase === 'waiting' ? '' : `（第 ${PHASES.indexOf(state.phase) + 1}/${PHASES.length} 步）`}…
          <div
            className="progress progress--indeterminate"
            role="progressbar"
            aria-valuetext={PHASE_LABELS[state.phase]}
          >
            <div className="progress__bar" />
          </div>
        </div>
      )}

      {prepared && report && target && choice && state.kind !== 'loaded' && (
        <div
          className="upload-preview"
          data-testid="upload-preview"
          data-dataset={target.kind === 'table' ? target.table.name : 'adhoc'}
          data-encoding={prepared.analysis.encoding}
          data-rows={report.rows}
          data-issues={report.issueCount}
        >
          <div className="upload-card__facts">
            <EncodingChoice
              analysis={prepared.analysis}
              disabled={state.kind !== 'ready'}
              onPick={(encoding) => redo({ encoding })}
            />
            <label>
              分隔符
              <select
                value={prepared.analysis.dialect.delimiter}
                disabled={state.kind !== 'ready'}
                onChange={(e) => redo({ delimiter: e.target.value as Delimiter })}
              >
                {DELIMITERS.map((d) => (
                  <option key={d} value={d}>
                    {DELIMITER_LABELS[d]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input
                type="checkbox"
                checked={prepared.analysis.dialect.hasHeader}
                disabled={state.kind !== 'ready'}
                onChange={(e) => redo({ hasHeader: e.target.checked })}
              />
              第一行是表头
            </label>
            {prepared.analysis.dialect.decimalComma && <span className="tag tag--upload">小数点为逗号</span>}
          </div>

          {optionError && (
            <div className="upload-alert" role="alert">
              所选设置无法读取此文件，仍按上面的设置显示：{optionError}
            </div>
          )}

          <PreviewTable headers={prepared.analysis.headers} rows={prepared.analysis.sampleRows} />

          <TargetEditor
            headers={prepared.analysis.headers}
            target={choice}
            suggested={suggestTargets(prepared.analysis.rawHeaders, file.name).map((s) => s.table.name)}
            adhocColumns={report.adhocColumns}
            adhocName={choice.kind === 'adhoc' ? choice.name : file.name.replace(/\.[^.]*$/, '')}
            onChange={(t) => redo({ target: t })}
            disabled={state.kind !== 'ready'}
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

          {report.fatal.length > 0 && (
            <div className="upload-alert" role="alert">
              无法导入：{report.fatal.map((f) => f.problem).join('；')}
            </div>
          )}

          <IssueReport fileName={file.name} issues={report.issues} total={report.issueCount} />

          {!blocked && problems > 0 && (
            <div className="upload-card__facts">
              <label>
                <input
                  type="radio"
                  name={`onerror-${file.name}`}
                  checked={skipFailing}
                  onChange={() => setSkipFailing(true)}
                />
                跳过有问题的 {fmt(problems)} 行，导入其余 {fmt(Math.max(0, report.rows - report.failingRows))} 行
              </label>
              <label>
                <input
                  type="radio"
                  name={`onerror-${file.name}`}
                  checked={!skipFailing}
                  onChange={() => setSkipFailing(false)}
                />
                整个文件不导入
              </label>
            </div>
          )}

          <div className="upload-card__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="upload-confirm"
              disabled={state.kind !== 'ready'}
              onClick={() => void confirm()}
            >
              {blocked || (!skipFailing && problems > 0)
                ? '确认（不导入此文件）'
                : target.kind === 'table' && target.mode === 'append'
                  ? '确认追加'
                  : '确认导入'}
            </button>
            <button type="button" className="button" disabled={state.kind !== 'ready'} onClick={() => void cancel()}>
              取消
            </button>
            <span className="muted">确认之前，任何数据表都不会改动。</span>
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
                ? '已保存在本机浏览器中，刷新或重新打开后仍在（本机草稿）。'
                : '注意：浏览器不允许本地保存，刷新后需要重新上传。'}
          </span>
        </div>
      )}
      {state.kind === 'loaded' && <PublishAction table={state.table} />}
      {state.kind === 'rejected' && (
        <div className="upload-alert" data-testid="upload-result" data-status="rejected" data-rows={0} role="alert">
          {state.reason}
        </div>
      )}
    </section>
  )
}
