/** SQL text helpers. Identifiers are always quoted; literals are always escaped. */

/** "name" with embedded quotes doubled: safe for any column or table name a file brings. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** 'text' with embedded quotes doubled. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/** A finite number as SQL, or an error: NaN and Infinity must never reach SQL text. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`)
  return String(value)
}

/** A SQL value for a JS primitive. */
export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'NULL'
  if (typeof value === 'number') return numberLiteral(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  return quoteLiteral(value)
}

/** `"a" IN ('x', 'y')`, or FALSE for an empty list (IN () is not valid SQL). */
export function inList(column: string, values: readonly (string | number)[]): string {
  if (values.length === 0) return 'FALSE'
  return `${column} IN (${values.map((v) => literal(v)).join(', ')})`
}
