/**
 * What an ad-hoc (user-defined) table may hold: any columns DuckDB loads from Arrow as
 * plain values, under clean, distinct names. Checked on the stream's schema before DuckDB
 * sees it.
 */
import { DataType, type Field, RecordBatchReader } from 'apache-arrow'

import { ARROW_ROWS_KEY } from '../../src/db/load-table'

export const ADHOC_MAX_COLUMNS = 300
export const ADHOC_COLUMN_NAME_MAX = 60

export interface SchemaProblem {
  readonly column: string | null
  readonly message: string
}

const END_OF_STREAM = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]

function plainType(type: DataType): boolean {
  // apache-arrow writes strings dictionary-encoded; DuckDB reads them as VARCHAR.
  if (DataType.isDictionary(type)) return DataType.isUtf8(type.dictionary) || DataType.isLargeUtf8(type.dictionary)
  return (
    DataType.isUtf8(type) ||
    DataType.isLargeUtf8(type) ||
    (DataType.isInt(type) && type.bitWidth <= 64) ||
    DataType.isFloat(type) ||
    DataType.isDecimal(type) ||
    DataType.isDate(type) ||
    DataType.isTimestamp(type) ||
    DataType.isBool(type)
  )
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/** The rows an ad-hoc table's stream says it has, or every problem with its schema. */
export function readAdhocArrow(
  bytes: Uint8Array,
): { ok: true; rows: number } | { ok: false; problems: SchemaProblem[] } {
  const fail = (message: string) => ({ ok: false as const, problems: [{ column: null, message }] })
  if (bytes.length === 0) return fail('文件为空')
  let fields: readonly Field[]
  let metadata: Map<string, string>
  try {
    const reader = RecordBatchReader.from(bytes)
    reader.open()
    fields = reader.schema.fields
    metadata = reader.schema.metadata
  } catch {
    return fail('文件损坏：不是有效的 Arrow 数据')
  }
  if (fields.length === 0) return fail('没有任何列')
  if (fields.length > ADHOC_MAX_COLUMNS) return fail(`列数过多：${fields.length} 列，最多 ${ADHOC_MAX_COLUMNS} 列`)
  const problems: SchemaProblem[] = []
  const seen = new Set<string>()
  for (const [i, field] of fields.entries()) {
    const name = field.name
    const shown = `第 ${i + 1} 列「${name.slice(0, ADHOC_COLUMN_NAME_MAX)}」`
    if (name.trim() === '' || name !== name.trim() || CONTROL.test(name))
      problems.push({ column: name, message: `${shown}的列名为空或含有控制字符、首尾空格` })
    else if (Array.from(name).length > ADHOC_COLUMN_NAME_MAX)
      problems.push({ column: name, message: `${shown}的列名过长（最多 ${ADHOC_COLUMN_NAME_MAX} 个字）` })
    else if (name.startsWith('__')) problems.push({ column: name, message: `${shown}的列名不能以 __ 开头` })
    else if (seen.has(name.toLowerCase()))
      problems.push({ column: name, message: `${shown}与前面的列重名（不区分大小写）` })
    seen.add(name.toLowerCase())
    if (!plainType(field.type))
      problems.push({
        column: name,
        message: `${shown}的类型 ${String(field.type)} 不受支持（应为文本、数值、日期或是/否）`,
      })
  }
  if (problems.length) return { ok: false, problems }
  const rows = Number(metadata.get(ARROW_ROWS_KEY) ?? NaN)
  if (!Number.isSafeInteger(rows) || rows < 0) return fail('文件损坏：缺少行数标记，不是本应用生成的数据')
  if (END_OF_STREAM.some((b, i) => bytes[bytes.length - 8 + i] !== b)) return fail('文件不完整：数据在结尾之前中断')
  return { ok: true, rows }
}
