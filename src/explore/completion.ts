import type { TableDef } from '../datasets/schema'
import { quoteIdent } from '../queries/sql'
import type { LiveColumn } from './catalog-sql'

/** A completion in the shape CodeMirror's SQL language takes (kept plain so it tests without an editor). */
export interface CompletionItem {
  readonly label: string
  readonly type: 'table' | 'property'
  /** Shown after the label: the Chinese name and the type. */
  readonly detail?: string
  /** Shown beside the list, as text. */
  readonly info?: string
  /** What is inserted, when the name needs quoting ("销售额", "a b", a name with markup). */
  readonly apply?: string
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/
/** A completion that inserts the name quoted when it is not a plain identifier. */
const named = (name: string) => (PLAIN.test(name) ? { label: name } : { label: name, apply: quoteIdent(name) })

export interface TableCompletion {
  readonly self: CompletionItem
  readonly children: CompletionItem[]
}

/** @codemirror/lang-sql's `schema`: table name → its completion and its columns'. */
export type CompletionSchema = Record<string, TableCompletion>

/**
 * Tables and columns to complete: every table in the live catalog (uploaded ad-hoc tables
 * included) with the registry's Chinese labels and units where it knows the table, and
 * registry tables not loaded (yet) so their names still complete.
 */
export function completionSchema(registry: readonly TableDef[], live: readonly LiveColumn[]): CompletionSchema {
  const schema: CompletionSchema = {}
  const known = new Map(registry.map((t) => [t.name, t]))
  for (const c of live) {
    const def = known.get(c.table)
    const entry = (schema[c.table] ??= {
      self: {
        ...named(c.table),
        type: 'table',
        detail: def ? def.label : '上传的表',
        ...(def ? { info: def.description } : {}),
      },
      children: [],
    })
    const col = def?.columns.find((d) => d.name === c.column)
    entry.children.push({
      ...named(c.column),
      type: 'property',
      detail: col ? `${col.label}${col.unit ? `（${col.unit}）` : ''} · ${c.type}` : c.type,
      ...(col?.description ? { info: col.description } : {}),
    })
  }
  for (const t of registry) {
    if (schema[t.name]) continue
    schema[t.name] = {
      self: { ...named(t.name), type: 'table', detail: t.label, info: t.description },
      children: t.columns.map((c) => ({
        ...named(c.name),
        type: 'property',
        detail: `${c.label}${c.unit ? `（${c.unit}）` : ''} · ${c.type}`,
      })),
    }
  }
  return schema
}
