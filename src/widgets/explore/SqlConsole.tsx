import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { TABLES } from '../../datasets/registry'
import type { ResultBounds } from '../../explore/bounded-result'
import { completionSchema } from '../../explore/completion'
import { checkStatement } from '../../explore/statement'
import { formatNumber } from '../../lib/format'
import { useCoordinator } from '../../state/coordinator-context'
import { useViewState } from '../../state/readiness'
import type { DataRow } from '../../ui/DataTable'
import { type CutCell, runConsoleQuery } from './console-run'
import { CutCells } from './CutCells'
import { QueryHistory } from './QueryHistory'
import { type ResultColumn, ResultGrid } from './ResultGrid'
import { SqlEditor } from './SqlEditor'
import { rememberQuery } from './stores'
import { useLiveCatalog } from './useLiveCatalog'

import './explore.css'

/** The last query that ran, with its result's columns: what the chart builder can draw. */
export interface ConsoleQuery {
  readonly sql: string
  readonly columns: readonly ResultColumn[]
}

type RunState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly startedAt: number; readonly cancelling: boolean }
  | {
      readonly kind: 'done'
      readonly sql: string
      readonly columns: readonly ResultColumn[]
      readonly rows: readonly DataRow[]
      readonly total: number
      readonly ms: number
      readonly bounds: ResultBounds
      readonly cut: readonly CutCell[]
      readonly cutCount: number
    }
  /** Not run: our own check (read-only, one statement). */
  | { readonly kind: 'rejected'; readonly reason: string }
  /** DuckDB refused or failed it: its own message. */
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'cancelled'; readonly ms: number }

const DRAFT_KEY = 'observatory.explore.draft'
const readDraft = () => {
  try {
    return localStorage.getItem(DRAFT_KEY) ?? 'SELECT * FROM point_indicators LIMIT 100'
  } catch {
    return 'SELECT * FROM point_indicators LIMIT 100'
  }
}

interface ConsoleJob {
  cancel: (() => void) | null
  cancelled: boolean
}

function Elapsed({ since }: { readonly since: number }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 200)
    return () => clearInterval(t)
  }, [])
  return <>{((now - since) / 1000).toFixed(1)} 秒</>
}

/**
 * The SQL console: an editor completing the tables and columns in the database, Ctrl+Enter
 * to run, a cancel button for long queries, the rows in the virtualised grid (the first
 * 10,000, with the total), DuckDB's own message when it fails, and a history.
 * Read-only: see src/explore/statement.ts.
 */
export function SqlConsole({ onResult }: { readonly onResult?: (query: ConsoleQuery) => void }) {
  const coordinator = useCoordinator()
  const [text, setText] = useState(readDraft)
  const [state, setState] = useState<RunState>({ kind: 'idle' })
  const live = useLiveCatalog()
  const liveColumns = live.status === 'ready' ? live.columns : null
  const schema = useMemo(() => completionSchema(TABLES, liveColumns ?? []), [liveColumns])
  const pending = useRef<ConsoleJob | null>(null)
  const textRef = useRef(text)
  textRef.current = text

  useEffect(() => {
    const t = setTimeout(() => {
      try {
        localStorage.setItem(DRAFT_KEY, text)
      } catch {
        // Storage full or blocked: the draft is simply not kept.
      }
    }, 400)
    return () => clearTimeout(t)
  }, [text])

  const run = useCallback(async () => {
    if (pending.current) return
    const source = textRef.current
    const checked = checkStatement(source)
    if (!checked.ok) {
      setState({ kind: 'rejected', reason: checked.reason })
      return
    }
    const sessionPromise = coordinator.session()
    if (!sessionPromise) {
      setState({ kind: 'error', message: '数据引擎尚未就绪，请稍候再试' })
      return
    }
    const startedAt = performance.now()
    const job: ConsoleJob = { cancel: null, cancelled: false }
    pending.current = job
    setState({ kind: 'running', startedAt: Date.now(), cancelling: false })
    const finish = (next: RunState, rows: number | null) => {
      pending.current = null
      setState(next)
      rememberQuery({
        sql: checked.sql,
        at: new Date().toISOString(),
        rows,
        ...(next.kind === 'cancelled' ? { cancelled: true } : {}),
      })
    }
    const cancelled = () => finish({ kind: 'cancelled', ms: performance.now() - startedAt }, null)
    try {
      const session = await sessionPromise
      // Parse and bind the user's own text first (nothing runs): DuckDB's message then points into what they typed.
      const problem = await session.check(checked.sql)
      if (job.cancelled) return cancelled()
      if (problem) return finish({ kind: 'error', message: problem.message }, null)
      const running = runConsoleQuery(session, checked.sql)
      job.cancel = running.cancel
      const outcome = await running.result
      if (outcome.kind === 'cancelled' || job.cancelled) return cancelled()
      if (outcome.kind === 'error') return finish({ kind: 'error', message: outcome.message }, null)
      const { columns, rows, total, bounds, cut, cutCount } = outcome
      finish(
        {
          kind: 'done',
          sql: checked.sql,
          columns,
          rows,
          total,
          ms: performance.now() - startedAt,
          bounds,
          cut,
          cutCount,
        },
        total,
      )
      onResult?.({ sql: checked.sql, columns })
    } catch (e) {
      finish({ kind: 'error', message: e instanceof Error ? e.message : String(e) }, null)
    }
  }, [coordinator, onResult])

  const cancel = useCallback(() => {
    const job = pending.current
    if (!job) return
    job.cancelled = true
    setState((s) => (s.kind === 'running' ? { ...s, cancelling: true } : s))
    job.cancel?.()
  }, [])

  const running = state.kind === 'running'
  const widgetState = running
    ? 'loading'
    : state.kind === 'error' || state.kind === 'rejected'
      ? 'error'
      : state.kind === 'done'
        ? state.rows.length
          ? 'ready'
          : 'empty'
        : 'ready'
  useViewState(widgetState)
  return (
    <div className="console-layout">
      <section
        className="widget sql-console"
        data-widget="sql-console"
        data-state={widgetState}
        data-run={state.kind}
        aria-busy={running}
      >
        <header className="widget__head">
          <h3 className="widget__title">SQL 控制台</h3>
          <span className="muted console-hint">
            只读查询 · Ctrl+Enter 执行 · 表名、列名可自动补全
            {live.status === 'ready' ? `（${live.tables.size}张表）` : ''}
          </span>
        </header>
        <SqlEditor value={text} onChange={setText} onRun={() => void run()} schema={schema} label="SQL 查询" />
        <div className="console-actions">
          <button
            type="button"
            className="button button--primary"
            data-action="run"
            disabled={running}
            onClick={() => void run()}
          >
            执行（Ctrl+Enter）
          </button>
          <button
            type="button"
            className="button"
            data-action="cancel"
            disabled={!running || state.cancelling}
            onClick={cancel}
          >
            {running && state.cancelling ? '正在取消…' : '取消查询'}
          </button>
          <span className="console-status" role="status">
            {running && (
              <>
                正在执行… <Elapsed since={state.startedAt} />
              </>
            )}
            {state.kind === 'done' && (
              <span data-result-rows={state.total} data-result-shown={state.rows.length}>
                共 {formatNumber(state.total)} 行
                {state.total > state.rows.length && (
                  <strong className="warn">，只显示前 {formatNumber(state.rows.length)} 行</strong>
                )}
                <span className="muted"> · 用时 {(state.ms / 1000).toFixed(2)} 秒</span>
              </span>
            )}
            {state.kind === 'cancelled' && (
              <span data-cancelled>查询已取消（{(state.ms / 1000).toFixed(1)} 秒），没有改动任何数据。</span>
            )}
          </span>
        </div>
        {state.kind === 'rejected' && (
          <p className="console-message console-message--warn" role="alert" data-message="rejected">
            {state.reason}
          </p>
        )}
        {state.kind === 'error' && (
          <div className="console-message console-message--error" role="alert" data-message="error">
            <p>查询出错，DuckDB 返回的信息如下：</p>
            <pre className="console-error-text">{state.message}</pre>
          </div>
        )}
        {state.kind === 'done' && state.columns.length > 0 && (
          <ResultGrid
            key={`${state.sql}\u0000${state.ms}`}
            columns={state.columns}
            rows={state.rows}
            label="查询结果"
          />
        )}
        {state.kind === 'done' && state.cutCount > 0 && (
          <CutCells sql={state.sql} bounds={state.bounds} cells={state.cut} count={state.cutCount} />
        )}
        {state.kind === 'done' && state.rows.length === 0 && <p className="widget__message">查询没有返回任何行。</p>}
      </section>
      <QueryHistory onPick={setText} />
    </div>
  )
}
