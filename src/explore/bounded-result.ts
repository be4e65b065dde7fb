/**
 * The console's result, bounded before it leaves the engine: a value of variable size (text,
 * blobs, lists, structs, maps) is cut to a few thousand characters in SQL, with its full
 * length alongside, so a `SELECT repeat('x', 100000000)` never crosses into the page whole.
 * The cut and the row cap are chosen so that the characters held stay within one budget
 * whatever the number of columns; the full value of a cut cell can still be downloaded.
 */
import { numberLiteral, quoteIdent } from '../queries/sql'

/** The most rows the console holds; the total is still counted and shown. */
export const CONSOLE_ROW_CAP = 10_000
/** A cell is shown up to this many characters (fewer when the result has many text columns). */
export const MAX_CELL_CHARS = 2_000
const MIN_CELL_CHARS = 100
/** At most this many characters of variable-size values are held for one result (about 80 MB in JS). */
export const RESULT_CHAR_BUDGET = 40_000_000
/** A cut cell's full value is fetched in pieces of this many characters. */
export const PIECE_CHARS = 4_000_000

export interface ResultColumnType {
  readonly name: string
  /** DuckDB's type name, as DESCRIBE gives it. */
  readonly type: string
}

export interface ResultBounds {
  readonly columns: readonly ResultColumnType[]
  /** Per column: the name of its hidden length column when its values are cut, else null. */
  readonly lengthColumns: readonly (string | null)[]
  readonly cellChars: number
  readonly rowCap: number
}

const FIXED_SIZE =
  /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?|DATE|TIME|TIMESTAMP( WITH TIME ZONE)?|TIMESTAMP_(S|MS|NS)|TIMESTAMPTZ|TIME WITH TIME ZONE|INTERVAL|UUID)$/i

/** Whether a value of this type can be arbitrarily large (and is therefore cut). */
export function isVariableSize(type: string): boolean {
  return !FIXED_SIZE.test(type.trim())
}

/** Names as the grid keys them: a repeated name (SELECT 1 AS a, 2 AS a) gets _2, _3. */
function distinctNames(columns: readonly ResultColumnType[]): ResultColumnType[] {
  const seen = new Set<string>()
  return columns.map((c) => {
    let name = c.name
    for (let n = 2; seen.has(name); n++) name = `${c.name}_${n}`
    seen.add(name)
    return name === c.name ? c : { ...c, name }
  })
}

/** How much of each cell and how many rows the console keeps for a result with these columns. */
export function resultBounds(described: readonly ResultColumnType[]): ResultBounds {
  const columns = distinctNames(described)
  const variable = columns.filter((c) => isVariableSize(c.type)).length
  const perRow = Math.max(1, variable)
  const cellChars = Math.max(
    MIN_CELL_CHARS,
    Math.min(MAX_CELL_CHARS, Math.floor(RESULT_CHAR_BUDGET / (CONSOLE_ROW_CAP * perRow))),
  )
  const rowCap = Math.max(1, Math.min(CONSOLE_ROW_CAP, Math.floor(RESULT_CHAR_BUDGET / (perRow * cellChars))))
  // Hidden names that no column of the result has (DuckDB compares names without case).
  const taken = new Set(columns.map((c) => c.name.toLowerCase()))
  const lengthColumns = columns.map((c, i) => {
    if (!isVariableSize(c.type)) return null
    let name = `__length_${i + 1}`
    while (taken.has(name.toLowerCase())) name = `_${name}`
    taken.add(name.toLowerCase())
    return name
  })
  return { columns, lengthColumns, cellChars, rowCap }
}

/** Positional names for the query's columns, so duplicate or odd names are never referenced by name. */
const position = (i: number) => `"c${i + 1}"`
const fromPositions = (sql: string, n: number) =>
  `(\n${sql}\n) AS "result"(${Array.from({ length: n }, (_, i) => position(i)).join(', ')})`

/** The console's rows: at most `rowCap + 1` (one more tells there are more), long values cut. */
export function boundedRowsSql(sql: string, bounds: ResultBounds): string {
  const cap = numberLiteral(bounds.cellChars)
  const shown = bounds.columns.map((c, i) =>
    bounds.lengthColumns[i]
      ? `left(CAST(${position(i)} AS VARCHAR), ${cap}) AS ${quoteIdent(c.name)}`
      : `${position(i)} AS ${quoteIdent(c.name)}`,
  )
  const lengths = bounds.lengthColumns.flatMap((name, i) => {
    if (!name) return []
    const text = `CAST(${position(i)} AS VARCHAR)`
    return [`CASE WHEN length(${text}) > ${cap} THEN length(${text}) END AS ${quoteIdent(name)}`]
  })
  const limit = numberLiteral(bounds.rowCap + 1)
  return `SELECT ${[...shown, ...lengths].join(', ')} FROM ${fromPositions(sql, bounds.columns.length)} LIMIT ${limit}`
}

/** How many rows the console's query returns in all. */
export function consoleCountSql(sql: string): string {
  return `SELECT count(*) AS "rows" FROM (\n${sql}\n) AS "result"`
}

/** The columns and types of the console's query, without running it. */
export function describeSql(sql: string): string {
  return `SELECT column_name AS "name", column_type AS "type" FROM (DESCRIBE (\n${sql}\n))`
}

/** One piece of a cell's full value: characters [start, start + PIECE_CHARS) of row `row` (0-based), column `column`. */
export function cellPieceSql(sql: string, bounds: ResultBounds, row: number, column: number, start: number): string {
  const text = `CAST(${position(column)} AS VARCHAR)`
  return `SELECT substr(${text}, ${numberLiteral(start + 1)}, ${numberLiteral(PIECE_CHARS)}) AS "piece" FROM ${fromPositions(
    sql,
    bounds.columns.length,
  )} LIMIT 1 OFFSET ${numberLiteral(row)}`
}

/** A row of the bounded result: the cells to show, and which are cut (column → full length). */
export function splitRow(
  row: Readonly<Record<string, unknown>>,
  bounds: ResultBounds,
): { cells: Record<string, unknown>; cut: Map<number, number> } {
  const cells: Record<string, unknown> = {}
  const cut = new Map<number, number>()
  bounds.columns.forEach((c, i) => {
    cells[c.name] = row[c.name]
    const lengthName = bounds.lengthColumns[i]
    const full = lengthName ? row[lengthName] : null
    if (typeof full === 'number') cut.set(i, full)
  })
  return { cells, cut }
}
