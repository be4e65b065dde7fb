import { DataType, type Table as ArrowTable, type Vector } from 'apache-arrow'

/** A plain JS row: numbers, strings, booleans, null, or arrays/objects of those. */
export type Row = Record<string, unknown>

/** Raised when a value cannot be a JS number without losing digits. */
export class UnsafeNumberError extends Error {
  constructor(
    readonly column: string,
    readonly text: string,
  ) {
    super(`列 ${column} 的值 ${text} 超出 JavaScript 数字的安全范围，无法精确显示`)
    this.name = 'UnsafeNumberError'
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

function bigintToNumber(value: bigint, column: string): number {
  if (value > MAX_SAFE || value < -MAX_SAFE) throw new UnsafeNumberError(column, value.toString())
  return Number(value)
}

/** Arrow's 128-bit decimal comes as four little-endian 32-bit words in two's complement. */
function decimalWordsToBigint(words: Uint32Array): bigint {
  let value = 0n
  for (let i = words.length - 1; i >= 0; i--) value = (value << 32n) | BigInt(words[i]!)
  const bits = BigInt(words.length * 32)
  if (words[words.length - 1]! & 0x8000_0000) value -= 1n << bits
  return value
}

function decimalToNumber(words: Uint32Array, scale: number, column: string): number {
  const unscaled = decimalWordsToBigint(words)
  if (unscaled > MAX_SAFE || unscaled < -MAX_SAFE) {
    const s = unscaled.toString()
    const text = scale > 0 ? `${s.slice(0, -scale) || '0'}.${s.slice(-scale)}` : s
    throw new UnsafeNumberError(column, text)
  }
  // Both operands are exact, so the division is the nearest double to the decimal value.
  return Number(unscaled) / 10 ** scale
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

function formatDate(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

function formatTimestamp(ms: number): string {
  const d = new Date(ms)
  return `${formatDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

type Converter = (value: unknown) => unknown

function converterFor(type: DataType, column: string): Converter {
  if (DataType.isInt(type) && type.bitWidth === 64) {
    return (v) => (v === null ? null : bigintToNumber(v as bigint, column))
  }
  if (DataType.isDecimal(type)) {
    const scale = type.scale
    return (v) => (v === null ? null : decimalToNumber(v as Uint32Array, scale, column))
  }
  if (DataType.isDate(type)) return (v) => (v === null ? null : formatDate(v as number))
  if (DataType.isTimestamp(type)) return (v) => (v === null ? null : formatTimestamp(v as number))
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
    const child = converterFor(type.children[0]!.type, column)
    return (v) => (v === null ? null : Array.from(v as Vector, child))
  }
  if (DataType.isStruct(type)) {
    const fields = type.children.map((f) => [f.name, converterFor(f.type, `${column}.${f.name}`)] as const)
    return (v) => {
      if (v === null) return null
      const obj = v as Record<string, unknown>
      return Object.fromEntries(fields.map(([name, conv]) => [name, conv(obj[name] ?? null)]))
    }
  }
  if (DataType.isMap(type)) return (v) => (v === null ? null : (v as { toJSON(): unknown }).toJSON())
  return (v) => v ?? null
}

/**
 * Converts an Arrow result to plain rows, column by column. BIGINT, HUGEINT and DECIMAL
 * become numbers; a value that a JS number cannot hold exactly throws UnsafeNumberError
 * instead of being rounded. DATE becomes 'YYYY-MM-DD', TIMESTAMP 'YYYY-MM-DD HH:MM:SS'.
 */
export function arrowToRows<T = Row>(table: ArrowTable): T[] {
  const n = table.numRows
  const rows: Row[] = Array.from({ length: n }, () => ({}))
  table.schema.fields.forEach((field, i) => {
    const vector = table.getChildAt(i)
    if (!vector) return
    const convert = converterFor(field.type, field.name)
    const plainFloat = DataType.isFloat(field.type) || (DataType.isInt(field.type) && field.type.bitWidth < 64)
    if (plainFloat && vector.nullCount === 0) {
      // Fast path: a typed array of plain numbers.
      const values = vector.toArray() as ArrayLike<number>
      for (let r = 0; r < n; r++) rows[r]![field.name] = values[r]
      return
    }
    for (let r = 0; r < n; r++) rows[r]![field.name] = convert(vector.get(r))
  })
  return rows as T[]
}
