import { formatNumber, MISSING } from '../../lib/format'
import type { DataRow } from '../../ui/DataTable'

/** Money in 万元 with two decimals; a dash for none. */
export const money = (v: unknown) => (v === null || v === undefined ? MISSING : formatNumber(v as number, 2))

/** Behind schedule is a warning, not a fall: the warning colour, not the green of 下降. */
export const behind = (_: unknown, row: DataRow) => (row.behind ? 'warn' : undefined)
