import { useState } from 'react'

import { getTable, TABLES } from '../../datasets/registry'
import type { TableDef } from '../../datasets/schema'
import { downloadBlob } from '../../export/download'
import type { Reference } from '../../ingest/names'
import type { ReferenceLists } from '../../ingest/templates'
import { exampleRowSql, referenceListSql } from '../../queries/references'
import { useCatalog } from '../../state/catalog'
import type { Coordinator } from '../../state/coordinator'
import { useCoordinator } from '../../state/coordinator-context'

/** The ids and names of the tables `table` references (and of the points, for the monthly report). */
async function referenceLists(coordinator: Coordinator, names: readonly string[]): Promise<ReferenceLists> {
  const out: Record<string, readonly Reference[]> = {}
  for (const name of new Set(names)) {
    const def = getTable(name)
    const sql = def ? referenceListSql(def) : null
    if (!sql) continue
    const r = await coordinator.query<Reference>(sql, [name])
    if (r.ok) out[name] = r.value.map((x) => ({ id: String(x.id), name: String(x.name) }))
  }
  return out
}

async function datasetTemplateFile(coordinator: Coordinator, table: TableDef): Promise<Blob> {
  const [{ datasetTemplate, writeTemplate }, refs, example] = await Promise.all([
    import('../../ingest/templates'),
    referenceLists(
      coordinator,
      table.foreignKeys.map((f) => f.references.table),
    ),
    coordinator.query<Record<string, unknown>>(exampleRowSql(table), [table.name]),
  ])
  const bytes = await writeTemplate(datasetTemplate(table, example.ok ? (example.value[0] ?? null) : null, refs))
  return new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })
}

/** A button that downloads one dataset's template (`data-template="<table>"`). */
export function TemplateButton({ table, label }: { table: string; label?: string }) {
  const coordinator = useCoordinator()
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState<string | null>(null)
  const def = getTable(table)
  if (!def) return null
  return (
    <>
      <button
        type="button"
        className="button"
        data-template={table}
        disabled={busy}
        title={`「${def.label}」的 Excel 填报模板：中文表头和单位、一行示例、填写说明`}
        onClick={async () => {
          setBusy(true)
          setFailed(null)
          try {
            downloadBlob(await datasetTemplateFile(coordinator, def), `${def.label}_填报模板.xlsx`)
          } catch (e) {
            setFailed(`模板生成失败：${e instanceof Error ? e.message : String(e)}`)
          } finally {
            setBusy(false)
          }
        }}
      >
        {busy ? '正在生成…' : (label ?? def.label)}
      </button>
      {failed && (
        <span className="upload-alert" role="alert">
          {failed}
        </span>
      )}
    </>
  )
}

/** The month after the latest one the indicators hold: the month the points report next. */
function nextMonth(latest: string | null): string {
  const now = latest && /^\d{4}-\d{2}$/.test(latest) ? latest : new Date().toISOString().slice(0, 7)
  const [y, m] = now.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** Templates to send out: one per dataset, and the monthly 观察点月报表 of every point in one .zip. */
export function TemplateDownloads() {
  const coordinator = useCoordinator()
  const snapshot = useCatalog()
  const indicators = snapshot.tables.point_indicators
  const latest = indicators?.status === 'ready' ? indicators.latestPeriod : null
  const [month, setMonth] = useState<string | null>(null)
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  const chosen = month ?? nextMonth(latest)
  const monthly = async () => {
    setState({ busy: true, error: null })
    try {
      const [{ writeMonthlyReports, monthText }, refs] = await Promise.all([
        import('../../ingest/templates'),
        referenceLists(coordinator, ['observation_points']),
      ])
      const points = refs.observation_points ?? []
      if (points.length === 0) throw new Error('观察点名单是空的')
      const zip = await writeMonthlyReports(points, chosen, refs)
      downloadBlob(
        new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
        `观察点月报表_${monthText(chosen)}_${points.length}家.zip`,
      )
      setState({ busy: false, error: null })
    } catch (e) {
      setState({ busy: false, error: `月报表生成失败：${e instanceof Error ? e.message : String(e)}` })
    }
  }
  return (
    <details className="widget upload-templates" data-widget="upload-templates" data-state="ready">
      <summary className="upload-section-title">下载 Excel 填报模板</summary>
      <p className="muted">
        每个数据集一份模板：中文表头和单位、冻结的表头、一行示例（上传时自动跳过）、列出可填取值的“填写说明”页。填好后直接拖到上面上传。
      </p>
      <div className="upload-card__facts">
        {TABLES.map((t) => (
          <TemplateButton key={t.name} table={t.name} />
        ))}
      </div>
      <p className="upload-section-title">观察点月报表</p>
      <div className="upload-card__facts">
        <label>
          月份
          <input
            type="month"
            value={chosen}
            aria-label="月报表的月份"
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button button--primary"
          data-template="monthly-report"
          disabled={state.busy}
          onClick={() => void monthly()}
        >
          {state.busy ? '正在生成…' : '下载全部观察点的月报表（每家一个工作簿，打包为 .zip）'}
        </button>
        {state.error && (
          <span className="upload-alert" role="alert">
            {state.error}
          </span>
        )}
      </div>
      <p className="muted">
        每个工作簿已填好观察点编号、企业名称和月份；各观察点填好后，把收回的工作簿一次全部拖到上面，合并为一次预览、一次导入。
      </p>
    </details>
  )
}
