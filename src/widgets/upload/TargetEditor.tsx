import { columnHeading, TABLES } from '../../datasets/registry'
import type { ColumnMapping } from '../../ingest/mapping'
import { ADHOC_TYPE_LABELS } from '../../ingest/normalize'
import { defaultMode } from '../../ingest/plan'
import type { AdhocColumn } from '../../ingest/stage-sql'
import { useCatalog } from '../../state/catalog'

export type TargetChoice =
  | {
      readonly kind: 'table'
      readonly table: string
      readonly mapping: ColumnMapping
      readonly mode: 'replace' | 'append'
    }
  | { readonly kind: 'adhoc'; readonly name: string }

interface Props {
  readonly headers: readonly string[]
  readonly target: TargetChoice
  readonly suggested: readonly string[]
  readonly adhocColumns?: readonly AdhocColumn[] | undefined
  readonly adhocName: string
  readonly onChange: (target: TargetChoice) => void
  /** While the file is being read again with the last change, further changes wait. */
  readonly disabled: boolean
}

/** Which dataset the file goes to, how its columns map, replace or append; or an ad-hoc table. */
export function TargetEditor({ headers, target, suggested, adhocColumns, adhocName, onChange, disabled }: Props) {
  const table = target.kind === 'table' ? TABLES.find((t) => t.name === target.table) : undefined
  const snapshot = useCatalog()
  const current = target.kind === 'table' ? snapshot.tables[target.table] : undefined
  const existing = current?.status === 'ready' ? current.rows : undefined
  return (
    <div className="upload-target">
      <div className="upload-card__facts">
        <label>
          导入到
          <select
            disabled={disabled}
            value={target.kind === 'table' ? target.table : '__adhoc'}
            onChange={(e) => {
              const v = e.target.value
              const next = TABLES.find((t) => t.name === v)
              onChange(
                v === '__adhoc' || !next
                  ? { kind: 'adhoc', name: adhocName }
                  : { kind: 'table', table: v, mapping: [], mode: defaultMode(next) },
              )
            }}
          >
            {TABLES.map((t) => (
              <option key={t.name} value={t.name}>
                {suggested.includes(t.name) ? '★ ' : ''}
                {t.label}（{t.name}）
              </option>
            ))}
            <option value="__adhoc">作为临时表（不对应任何数据集）</option>
          </select>
        </label>
        {target.kind === 'table' && (
          <label>
            方式
            <select
              disabled={disabled}
              value={target.mode}
              onChange={(e) => onChange({ ...target, mode: e.target.value as 'replace' | 'append' })}
            >
              <option value="replace">替换整张表</option>
              <option value="append">追加（主键相同的行以新文件为准）</option>
            </select>
          </label>
        )}
        {target.kind === 'table' && target.mode === 'replace' && (existing ?? 0) > 0 && (
          <p className="upload-target__warn" role="note">
            替换：表中现有的{existing}行将全部删除，只保留本文件的数据
          </p>
        )}
        {target.kind === 'adhoc' && (
          <label>
            表名
            <input
              type="text"
              disabled={disabled}
              defaultValue={target.name}
              onBlur={(e) =>
                e.target.value.trim() !== target.name && onChange({ kind: 'adhoc', name: e.target.value.trim() })
              }
            />
          </label>
        )}
      </div>
      <p className="upload-section-title">列对应</p>
      <div className="upload-table-wrap">
        <table className="upload-table">
          <thead>
            <tr>
              <th>文件中的列</th>
              <th>{target.kind === 'table' ? `对应「${table?.label ?? ''}」的字段` : '类型'}</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((h, i) => (
              <tr key={i}>
                <td title={h}>{h}</td>
                <td>
                  {target.kind === 'table' && table ? (
                    <select
                      disabled={disabled}
                      aria-label={`列「${h}」对应的字段`}
                      value={target.mapping[i] ?? ''}
                      onChange={(e) => {
                        const mapping = headers.map((_, j) =>
                          j === i
                            ? e.target.value || null
                            : target.mapping[j] === e.target.value
                              ? null
                              : (target.mapping[j] ?? null),
                        )
                        onChange({ ...target, mapping })
                      }}
                    >
                      <option value="">（忽略此列）</option>
                      {table.columns.map((c) => (
                        <option key={c.name} value={c.name}>
                          {columnHeading(c)} · {c.name}
                          {c.required ? '（必填）' : ''}
                        </option>
                      ))}
                    </select>
                  ) : (
                    ADHOC_TYPE_LABELS[adhocColumns?.[i]?.type ?? 'VARCHAR']
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
