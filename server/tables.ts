/**
 * Which table a URL names, and where its files go. A registry table keeps its own (safe,
 * snake_case) name as its folder; an ad-hoc table's name is the user's and never touches the
 * file system: its folder is derived from a hash of the name.
 */
import { createHash } from 'node:crypto'

import { getTable, TABLES } from '../src/datasets/registry'
import type { TableDef } from '../src/datasets/schema'

export type Target =
  | { readonly kind: 'registry'; readonly name: string; readonly def: TableDef; readonly dir: string }
  | { readonly kind: 'adhoc'; readonly name: string; readonly dir: string }

export const ADHOC_NAME_MAX = 60

/**
 * Letters and digits of any script, underscore, space, hyphen and brackets: what the upload
 * page's ad-hoc names are made of. No dot, slash, backslash, control, format (bidi,
 * zero-width) or combining characters.
 */
const ADHOC_NAME = /^[\p{L}\p{N}_()（）-](?:[\p{L}\p{N}_ ()（）-]*[\p{L}\p{N}_()（）-])?$/u

const registryNames = new Map(TABLES.map((t) => [t.name.toLowerCase(), t.name]))

export function adhocDir(name: string): string {
  return `adhoc-${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 20)}`
}

/** The table a name from a URL stands for, or why it cannot be one (a Chinese message). */
export function resolveTable(raw: string): { ok: true; target: Target } | { ok: false; error: string } {
  const def = getTable(raw)
  if (def) return { ok: true, target: { kind: 'registry', name: def.name, def, dir: def.name } }
  const bad = { ok: false as const, error: `表名不合法：${JSON.stringify(raw.slice(0, 80))}` }
  if (raw.length === 0 || Array.from(raw).length > ADHOC_NAME_MAX) return bad
  if (raw.normalize('NFC') !== raw || !ADHOC_NAME.test(raw) || raw.startsWith('__')) return bad
  const clash = registryNames.get(raw.toLowerCase())
  if (clash) return { ok: false, error: `表名与数据模型中的表 ${clash} 只差大小写，请换一个名称` }
  return { ok: true, target: { kind: 'adhoc', name: raw, dir: adhocDir(raw) } }
}

export const labelOf = (target: Target): string => (target.kind === 'registry' ? target.def.label : target.name)
