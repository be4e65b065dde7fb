import type { TableDef } from '../datasets/schema'
import { inList, numberLiteral, quoteIdent } from './sql'

/**
 * Integrity checks of a table against its registry entry, each a query that returns the
 * offending rows (empty when the rule holds). Uploads and the embedded-data tests both use them.
 */
export interface IntegrityCheck {
  /** Which rule, in Chinese, for a report. */
  readonly rule: string
  readonly column: string
  readonly sql: string
}

const t = quoteIdent

export function integrityChecks(table: TableDef, source = table.name, limit = 20): IntegrityCheck[] {
  const checks: IntegrityCheck[] = []
  const from = t(source)
  const key = table.primaryKey.map(t).join(', ')
  checks.push({
    rule: '主键重复',
    column: table.primaryKey.join('+'),
    sql: `SELECT ${key}, count(*) AS "copies" FROM ${from} GROUP BY ${key} HAVING count(*) > 1 ORDER BY ${key} LIMIT ${limit}`,
  })
  for (const c of table.columns) {
    if (c.required) {
      checks.push({
        rule: '必填项为空',
        column: c.name,
        sql: `SELECT * FROM ${from} WHERE ${t(c.name)} IS NULL LIMIT ${limit}`,
      })
    }
    if (c.values) {
      checks.push({
        rule: '取值不在允许范围',
        column: c.name,
        sql: `SELECT * FROM ${from} WHERE ${t(c.name)} IS NOT NULL AND NOT (${inList(t(c.name), c.values)}) LIMIT ${limit}`,
      })
    }
    const bounds: string[] = []
    if (c.min !== undefined) bounds.push(`${t(c.name)} < ${numberLiteral(c.min)}`)
    if (c.max !== undefined) bounds.push(`${t(c.name)} > ${numberLiteral(c.max)}`)
    if (bounds.length) {
      checks.push({
        rule: '数值超出范围',
        column: c.name,
        sql: `SELECT * FROM ${from} WHERE ${bounds.join(' OR ')} LIMIT ${limit}`,
      })
    }
    if (c.kind === 'period') {
      checks.push({
        rule: '月份格式应为YYYY-MM',
        column: c.name,
        sql: `SELECT * FROM ${from} WHERE ${t(c.name)} IS NOT NULL AND NOT regexp_full_match(${t(c.name)}, '\\d{4}-(0[1-9]|1[0-2])') LIMIT ${limit}`,
      })
    }
  }
  for (const fk of table.foreignKeys) {
    checks.push({
      rule: `引用的${fk.references.table}不存在`,
      column: fk.column,
      sql: `SELECT s.* FROM ${from} s WHERE s.${t(fk.column)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${t(fk.references.table)} r WHERE r.${t(fk.references.column)} = s.${t(fk.column)}) LIMIT ${limit}`,
    })
  }
  return checks
}
