import { formatNumber } from '../../lib/format'
import { clearHistory, useHistory } from './stores'

const timeOf = (iso: string) => {
  const d = new Date(iso)
  return Number.isNaN(d.getTime())
    ? ''
    : `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

/** Queries run before, most recent first; a click puts one back in the editor. */
export function QueryHistory({ onPick }: { readonly onPick: (sql: string) => void }) {
  const history = useHistory()
  return (
    <section
      className="widget console-history"
      data-widget="sql-history"
      data-state={history.length ? 'ready' : 'empty'}
    >
      <header className="widget__head">
        <h3 className="widget__title">查询历史</h3>
        {history.length > 0 && (
          <button type="button" className="link-button" onClick={clearHistory}>
            清空
          </button>
        )}
      </header>
      {history.length === 0 ? (
        <p className="widget__message">执行过的查询会出现在这里（保存在本浏览器中）。</p>
      ) : (
        <ol className="history-list">
          {history.map((h) => (
            <li key={h.sql}>
              <button type="button" className="history-item" title="点击填入编辑器" onClick={() => onPick(h.sql)}>
                <code className="history-item__sql">{h.sql}</code>
                <span className="history-item__meta muted">
                  {timeOf(h.at)} · {h.cancelled ? '已取消' : h.rows === null ? '出错' : `${formatNumber(h.rows)}行`}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
