import type { SqlType, TableDef } from '../datasets/schema'
import type { ColumnShape } from './analyse'
import type { TextEncoding } from './encoding'
import type { ColumnMapping } from './mapping'
import type { UploadIssue } from './report'
import type { Delimiter, Dialect } from './sniff'
import type { AdhocColumn } from './stage-sql'

/** Where the rows go: a registry table (replace or append), or a table of their own. */
export type UploadTarget =
  | {
      readonly kind: 'table'
      readonly table: TableDef
      readonly mapping: ColumnMapping
      readonly mode: 'replace' | 'append'
    }
  | { readonly kind: 'adhoc'; readonly name: string }

export interface StagePlan {
  readonly dialect: Dialect
  /** The file's column names, made unique (ad-hoc tables use them as they are). */
  readonly headers: readonly string[]
  readonly target: UploadTarget
  /** What the sample says about each file column's values (see analyse.ts). */
  readonly shapes: readonly ColumnShape[]
  /**
   * Workbook cells that hold no value to load (a formula without a cached value, an error):
   * their rows fail like a cell that does not convert. `row` is the 0-based data row,
   * `column` the file column.
   */
  readonly cellFaults?: readonly { row: number; column: number; kind: 'formula' | 'error'; text: string }[]
}

export interface StageReport {
  /** Data rows read (blank lines not counted). */
  readonly rows: number
  /** Rows with at least one problem; they are left out if the user skips them. */
  readonly failingRows: number
  /** Lines the reader could not split into the right number of columns. */
  readonly rejectedLines: number
  /** Every problem counted (the list below may be cut short). */
  readonly issueCount: number
  readonly issues: readonly UploadIssue[]
  /** Problems that stop the file loading at all. */
  readonly fatal: readonly UploadIssue[]
  /** Types chosen for an ad-hoc table. */
  readonly adhocColumns?: readonly AdhocColumn[]
  /** Rows of the table an append would replace (same key). */
  readonly overlap?: number
  /** Rows in the table an append goes into, at the preview. */
  readonly targetRows?: number
  /** Empty lines the reader returned as rows (left out). */
  readonly blankRows: number
  /** File columns DuckDB read with their type (no helper column in the staged table). */
  readonly nativeColumns: readonly (readonly [number, SqlType])[]
  /** Text columns whose cleaning changed a value (each carries a `__bad_<col>` until commit). */
  readonly cleanedColumns: readonly string[]
  /** What the upload did that the user should know (names replaced by ids …), one line each. */
  readonly notes?: readonly string[]
}

/** Everything needed to do an upload again, exactly, at the next start-up. */
export interface UploadDecisions {
  readonly encoding: TextEncoding
  readonly delimiter: Delimiter
  readonly hasHeader: boolean
  readonly target:
    | {
        readonly kind: 'table'
        readonly table: string
        readonly mapping: ColumnMapping
        readonly mode: 'replace' | 'append'
      }
    | { readonly kind: 'adhoc'; readonly name: string }
  readonly skipFailing: boolean
}

/**
 * What a file for `table` does unless the user says otherwise. A table kept month by month
 * (its key includes the period) gets a month's sheet added: replacing it would throw away
 * every earlier month. A list (points, projects, items) is replaced by the newer list.
 */
export function defaultMode(table: { readonly primaryKey: readonly string[] }): 'replace' | 'append' {
  return table.primaryKey.includes('period') ? 'append' : 'replace'
}
