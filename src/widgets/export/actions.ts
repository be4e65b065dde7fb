/**
 * What the export menus do, loaded with the first export: the dashboard's first paint does
 * not carry image composition, file writers or the briefing's gathering.
 */
import { getTable } from '../../datasets/registry'
import { captionText, type ChartCaption, exportFileName } from '../../export/caption'
import { type ExportBackground, paletteFor } from '../../export/colors'
import { columnLabel } from '../../export/columns'
import { toCsv } from '../../export/csv'
import { downloadBlob } from '../../export/download'
import { printOption } from '../../export/print-option'
import { type ChartDrawing, renderPng, renderSvg } from '../../export/render'
import { type ColumnLabel, type ExportTable, tableFromRows } from '../../export/table'
import { writeXlsx } from '../../export/xlsx'
import type { ChartExportSource } from './registry'
import { filterTexts, isSample, sourceNames } from './sources'

export type ChartExportKind = 'png' | 'svg' | 'csv' | 'xlsx'

export async function chartCaption(source: ChartExportSource): Promise<ChartCaption> {
  const s = source.snapshot()
  return {
    title: s.title,
    ...(s.subtitle ? { subtitle: s.subtitle } : {}),
    filters: await filterTexts(s.coordinator, s.filters),
    sources: sourceNames(s.tables),
    sample: isSample(s.tables),
  }
}

/**
 * The option rebuilt by the chart's own builder for the background's theme (white: light), made
 * ready for print, at `size` or the chart's size on screen.
 */
export async function chartDrawing(
  source: ChartExportSource,
  background: ExportBackground,
  size?: { width: number; height: number },
): Promise<ChartDrawing> {
  const s = source.snapshot()
  if (!s.rows) throw new Error('图表尚无数据')
  const palette = paletteFor(s.theme, background)
  const el = source.element()
  const width = size?.width ?? Math.round(el?.clientWidth || 800)
  const height = size?.height ?? Math.round(el?.clientHeight || 320)
  // Drawn for paper: names whole (wrapped, not cut with "…"), every legend item, no zoom slider.
  const option = printOption(
    s.option(s.rows as never[], {
      theme: palette.theme,
      font: 12,
      ...(s.selected ? { selected: s.selected } : {}),
    }),
    s.subtitle,
  )
  return { option, width, height, palette, caption: captionText(await chartCaption(source), new Date()) }
}

/** The rows behind the chart, columns named in Chinese (the export dictionary, then the registry). */
export function chartTable(source: ChartExportSource): ExportTable {
  const s = source.snapshot()
  const registryLabel = (key: string): ColumnLabel | undefined => {
    for (const t of s.tables) {
      const c = getTable(t)?.columns.find((col) => col.name === key)
      if (c) return c.unit ? { label: c.label, unit: c.unit } : { label: c.label }
    }
    return undefined
  }
  return tableFromRows((s.rows ?? []) as readonly Record<string, unknown>[], undefined, (key) =>
    columnLabel(key, registryLabel),
  )
}

const fileName = (source: ChartExportSource, ext: string, suffix?: string) => {
  const s = source.snapshot()
  return exportFileName(s.title, s.subtitle, ext, suffix)
}

export async function exportChart(
  source: ChartExportSource,
  kind: ChartExportKind,
  background: ExportBackground,
  pixelRatio = 1,
): Promise<void> {
  if (kind === 'png')
    downloadBlob(
      await renderPng(await chartDrawing(source, background), pixelRatio),
      fileName(source, 'png', pixelRatio > 1 ? `${pixelRatio}x` : undefined),
    )
  else if (kind === 'svg')
    downloadBlob(
      new Blob([await renderSvg(await chartDrawing(source, background))], { type: 'image/svg+xml;charset=utf-8' }),
      fileName(source, 'svg'),
    )
  else if (kind === 'csv')
    downloadBlob(new Blob([toCsv(chartTable(source))], { type: 'text/csv;charset=utf-8' }), fileName(source, 'csv'))
  else downloadBlob(await writeXlsx(chartTable(source), source.snapshot().title), fileName(source, 'xlsx'))
}

/** The image for the clipboard (2×). */
export async function chartPng(source: ChartExportSource, background: ExportBackground): Promise<Blob> {
  return renderPng(await chartDrawing(source, background), 2)
}

export async function exportTable(
  table: ExportTable,
  kind: 'csv' | 'xlsx',
  title: string,
  subtitle: string | undefined,
): Promise<void> {
  const blob =
    kind === 'csv' ? new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }) : await writeXlsx(table, title)
  downloadBlob(blob, exportFileName(title, subtitle, kind))
}
