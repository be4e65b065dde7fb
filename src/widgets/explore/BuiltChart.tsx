import { type ReactNode, useCallback, useMemo } from 'react'

import { builtChartOption, type BuiltChartRow } from '../../charts/builder'
import type { ChartContext } from '../../charts/common'
import { AGGREGATE_LABEL, type ChartSpec } from '../../explore/chart-spec'
import { chartSql, tablesRead } from '../../explore/chart-sql'
import { formatNumber } from '../../lib/format'
import { useCatalog } from '../../state/catalog'
import { ChartWidget } from '../ChartWidget'
import { WidgetFrame } from '../WidgetFrame'

/** A chart from a spec: its SQL through the coordinator, its option from the pure builder. */
export function BuiltChart({
  id,
  spec,
  actions,
  height = 340,
}: {
  readonly id: string
  readonly spec: ChartSpec
  readonly actions?: ReactNode
  readonly height?: number
}) {
  const sql = useMemo(() => chartSql(spec), [spec])
  const loaded = Object.keys(useCatalog().tables).join('\u0000')
  const tables = useMemo(() => tablesRead(spec.source, loaded.split('\u0000')), [spec.source, loaded])
  const look = useMemo(
    () => ({
      type: spec.type,
      title: spec.title,
      xName: spec.x,
      valueName: spec.y ? `${spec.y}（${AGGREGATE_LABEL[spec.agg]}）` : '行数',
    }),
    [spec],
  )
  const option = useCallback(
    (rows: readonly BuiltChartRow[], ctx: ChartContext) => builtChartOption(rows, look, ctx),
    [look],
  )
  const subtitle = useCallback(
    (rows: readonly BuiltChartRow[]) =>
      `${spec.source.kind === 'table' ? `表 ${spec.source.table}` : '控制台查询'} · ${formatNumber(rows.length)}个数据点`,
    [spec.source],
  )
  if (!sql.ok) {
    return <WidgetFrame id={id} title={spec.title} state="error" tables={[]} error={sql.error} actions={actions} />
  }
  return (
    <ChartWidget<BuiltChartRow>
      id={id}
      title={spec.title}
      tables={tables}
      sql={sql.value}
      option={option}
      subtitle={subtitle}
      height={height}
      actions={actions}
      emptyText="没有可画的数据（所选列全为空）"
    />
  )
}
