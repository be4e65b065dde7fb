import { useState } from 'react'

import { getTable } from '../../datasets/registry'
import { periodLabel } from '../../lib/period'
import { type Credentials, readHistory, type TableHistory, type WriteFailure } from '../../published/client'
import type { PublishedMonths, PublishedTable } from '../../published/manifest'
import { useCatalog } from '../../state/catalog'
import { usePublished } from '../../state/published'
import { forgetPassphrase } from '../../state/publisher'
import { rollbackTo, unpublish } from '../../state/publishing'
import { PublisherDialog } from './PublisherDialog'

const fmt = (n: number) => n.toLocaleString('zh-CN')

function monthsText(months: PublishedMonths | null): string {
  if (!months) return '—'
  return months.from === months.to ? periodLabel(months.to) : `${periodLabel(months.from)}至${periodLabel(months.to)}`
}

function timeText(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? '—' : d.toLocaleString('zh-CN', { hour12: false })
}

type Pending = { readonly kind: 'rollback'; readonly sha256: string } | { readonly kind: 'unpublish' }

/** One published table: its current version and, on request, every earlier one to roll back to. */
function TableVersions({ entry }: { readonly entry: PublishedTable }) {
  const [history, setHistory] = useState<TableHistory | string | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const label = getTable(entry.table)?.label ?? entry.label

  const load = async () => {
    const r = await readHistory(entry.table)
    setHistory(r.ok ? r.value : r.error)
  }

  const act = async (credentials: Credentials) => {
    if (!pending) return
    setBusy(true)
    const r =
      pending.kind === 'rollback'
        ? await rollbackTo(entry.table, pending.sha256, credentials)
        : await unpublish(entry.table, credentials)
    setBusy(false)
    if (!r.ok) {
      const failure: WriteFailure = r.error
      if (failure.kind === 'auth') forgetPassphrase()
      setOutcome({ ok: false, text: failure.message })
      if (failure.kind !== 'auth' && failure.kind !== 'rate-limited') setPending(null)
      return
    }
    setPending(null)
    setOutcome({
      ok: true,
      text: pending.kind === 'rollback' ? '已回滚，所有屏幕将显示该版本。' : '已撤销发布，恢复为内置数据。',
    })
    setHistory(null)
  }

  return (
    <li className="data-versions__table" data-table={entry.table} data-sha256={entry.sha256}>
      <div className="data-versions__current">
        <strong>{label}</strong>
        <span>
          {fmt(entry.rows)} 行 · {monthsText(entry.months)} · {entry.publisher || '—'} 发布于{' '}
          {timeText(entry.publishedAt)}
        </span>
        <button
          type="button"
          className="button button--small"
          onClick={() => void (history ? setHistory(null) : load())}
        >
          {history ? '收起' : '版本记录'}
        </button>
        {getTable(entry.table) && (
          <button
            type="button"
            className="button button--small button--danger"
            data-testid="unpublish"
            onClick={() => setPending({ kind: 'unpublish' })}
          >
            撤销发布
          </button>
        )}
      </div>
      {typeof history === 'string' && <p className="warn">{history}</p>}
      {history && typeof history !== 'string' && (
        <table className="data-versions__history">
          <thead>
            <tr>
              <th scope="col">发布时间</th>
              <th scope="col">发布人</th>
              <th scope="col">行数</th>
              <th scope="col">月份</th>
              <th scope="col">来源文件</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {history.versions.map((v, i) => (
              <tr key={`${v.sha256}-${i}`} data-sha256={v.sha256}>
                <td>
                  {timeText(v.publishedAt)}
                  {v.action === 'rollback' ? '（回滚）' : ''}
                </td>
                <td>{v.publisher || '—'}</td>
                <td className="num">{fmt(v.rows)}</td>
                <td>{monthsText(v.months)}</td>
                <td className="data-versions__sources">{v.sources.join('、') || '—'}</td>
                <td>
                  {v.sha256 === history.current ? (
                    <span className="tag tag--published">当前版本</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      data-testid="rollback"
                      onClick={() => setPending({ kind: 'rollback', sha256: v.sha256 })}
                    >
                      回滚到此版本
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {outcome && (
        <p className={outcome.ok ? 'upload-ok' : 'upload-alert'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      <PublisherDialog
        open={pending !== null}
        title={pending?.kind === 'unpublish' ? `撤销发布「${label}」` : `回滚「${label}」`}
        submitLabel={busy ? '正在提交…' : pending?.kind === 'unpublish' ? '撤销发布' : '回滚'}
        busy={busy}
        onSubmit={(c) => void act(c)}
        onClose={() => setPending(null)}
      >
        <p className="muted">
          {pending?.kind === 'unpublish'
            ? '所有屏幕将改回显示内置数据；已发布的各个版本仍保留，可以再回滚。'
            : '所有屏幕将显示所选的旧版本；当前版本仍保留，可以再回滚。'}
        </p>
        {outcome && !outcome.ok && (
          <p className="upload-alert" role="alert">
            {outcome.text}
          </p>
        )}
      </PublisherDialog>
    </li>
  )
}

/** 数据版本: what is published, by whom and when, and the way back to an earlier version. */
export function DataVersions() {
  const { mode, applied, latest } = usePublished()
  const { dataReady } = useCatalog()
  const tables = Object.values(latest.tables).sort((a, b) => a.table.localeCompare(b.table))
  return (
    <section
      className="widget data-versions"
      data-widget="data-versions"
      data-state={dataReady ? (Object.keys(latest.tables).length ? 'ready' : 'empty') : 'loading'}
      data-version={applied.version}
    >
      <div className="widget__head">
        <h3 className="widget__title">数据版本</h3>
        <span className="widget__subtitle">
          {mode === 'static'
            ? '此部署没有发布服务（静态文件）：显示内置数据和本机草稿'
            : `当前数据版本 ${applied.version}${latest.updatedAt ? ` · 更新于 ${timeText(latest.updatedAt)}` : ''}`}
        </span>
      </div>
      {mode !== 'static' && tables.length === 0 && (
        <p className="muted">尚未发布任何数据：所有屏幕显示内置数据。上传并检查一个月的数据后，在上传页点“发布”。</p>
      )}
      {tables.length > 0 && (
        <ul className="data-versions__list">
          {tables.map((entry) => (
            <TableVersions key={entry.table} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  )
}
