/**
 * The data behind a chart or a table, as an export sees it: Chinese headers (with units)
 * and typed cells. Numbers stay numbers; everything else is text.
 */
export type ExportCell = string | number | boolean | null

export interface ExportColumn {
  /** Chinese header, with the unit, e.g. "累计产值（万元）". */
  readonly header: string
  readonly kind: 'number' | 'text'
}

export interface ExportTable {
  readonly columns: readonly ExportColumn[]
  readonly rows: readonly (readonly ExportCell[])[]
}

/** What to call a column of a query result: a Chinese label and its unit. */
export interface ColumnLabel {
  readonly label: string
  readonly unit?: string
  /** The value is a ratio (0.053): exported as a percentage number (5.3) under a "%" header. */
  readonly percent?: boolean
}

export const heading = (c: ColumnLabel): string => {
  const unit = c.percent ? '%' : c.unit
  return unit ? `${c.label}（${unit}）` : c.label
}

function cellOf(value: unknown, percent: boolean): ExportCell {
  if (value === null || value === undefined) return null
  if (typeof value === 'number')
    return Number.isFinite(value) ? (percent ? Math.round(value * 1e8) / 1e6 : value) : null
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

type ColumnSpec = ColumnLabel & { readonly key: string }

/**
 * An export table built page by page: each page's rows become cells as they arrive, so the
 * row objects of a large export are never all held at once.
 */
export class ExportTableBuilder {
  private readonly body: ExportCell[][] = []

  constructor(private readonly specs: readonly ColumnSpec[]) {}

  add(rows: readonly Readonly<Record<string, unknown>>[]): void {
    for (const row of rows) this.body.push(this.specs.map((c) => cellOf(row[c.key], c.percent === true)))
  }

  get rowCount(): number {
    return this.body.length
  }

  finish(): ExportTable {
    const body = this.body
    return {
      columns: this.specs.map((c, i) => ({
        header: heading(c),
        // A column is numeric when every present value is a number.
        kind:
          body.every((r) => r[i] === null || typeof r[i] === 'number') && body.some((r) => typeof r[i] === 'number')
            ? 'number'
            : 'text',
      })),
      rows: body,
    }
  }
}

/**
 * Rows of objects → an export table. `columns` names the keys to keep, in order, with their
 * labels; without it every key of the first row is kept and `labelOf` names it.
 */
export function tableFromRows(
  rows: readonly Readonly<Record<string, unknown>>[],
  columns?: readonly ColumnSpec[],
  labelOf: (key: string) => ColumnLabel = (key) => ({ label: key }),
): ExportTable {
  const builder = new ExportTableBuilder(columns ?? Object.keys(rows[0] ?? {}).map((key) => ({ key, ...labelOf(key) })))
  builder.add(rows)
  return builder.finish()
}
