/**
 * What the SQL console will run, worded for the user: one query per run (SELECT, WITH, FROM,
 * VALUES, TABLE, SHOW, DESCRIBE, SUMMARIZE, PIVOT). This check only gives the friendly
 * message; what guarantees that nothing writes is DuckDB itself: user text reaches it only as
 * one prepared, read-only SELECT over it (src/db/read-only.ts).
 */
export type StatementCheck =
  { readonly ok: true; readonly sql: string } | { readonly ok: false; readonly reason: string }

/** First words of the statements the console runs. */
const READ_KEYWORDS = new Set([
  'SELECT',
  'WITH',
  'FROM',
  'VALUES',
  'TABLE',
  'SHOW',
  'DESCRIBE',
  'DESC',
  'SUMMARIZE',
  'PIVOT',
  'UNPIVOT',
])

interface Scan {
  /** The text with strings, quoted identifiers and comments blanked out. */
  readonly code: string
  /** Offsets of semicolons outside strings and comments. */
  readonly semicolons: readonly number[]
}

/**
 * A character DuckDB's lexer reads as part of an identifier: ASCII letters, digits, `_`, `$`,
 * and every non-ASCII character (so `中$$` is one identifier, not the start of a `$$` string).
 */
const isIdentChar = (ch: string | undefined) => ch !== undefined && (/[A-Za-z0-9_$]/.test(ch) || ch >= '\u0080')

/** A dollar-quote opener at the start of `rest`: `$$` or `$tag$` (a tag does not start with a digit). */
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/

/**
 * Blanks out what is not SQL code: '…' (and E'…' with backslash escapes), "…", $tag$…$tag$,
 * -- comments (to the next CR or LF, as DuckDB ends them) and nested block comments, reading
 * them as DuckDB's lexer does. This only words the console's messages: whatever it gets
 * wrong, DuckDB itself refuses to prepare two statements at once (src/db/read-only.ts).
 */
export function scanSql(text: string): Scan {
  const out: string[] = []
  const semicolons: number[] = []
  let i = 0
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) out.push(text[k] === '\n' ? '\n' : ' ')
  }
  while (i < text.length) {
    const c = text[i]!
    const next = text[i + 1]
    if (c === '-' && next === '-') {
      let stop = i
      while (stop < text.length && text[stop] !== '\n' && text[stop] !== '\r') stop++
      blank(i, stop)
      i = stop
    } else if (c === '/' && next === '*') {
      let depth = 0
      let k = i
      while (k < text.length) {
        if (text[k] === '/' && text[k + 1] === '*') {
          depth++
          k += 2
        } else if (text[k] === '*' && text[k + 1] === '/') {
          depth--
          k += 2
          if (depth === 0) break
        } else k++
      }
      blank(i, k)
      i = k
    } else if (c === "'" || c === '"') {
      const escapes = c === "'" && /[eE]/.test(text[i - 1] ?? '') && !isIdentChar(text[i - 2])
      let k = i + 1
      while (k < text.length) {
        if (escapes && text[k] === '\\') k += 2
        else if (text[k] === c && text[k + 1] === c) k += 2
        else if (text[k] === c) break
        else k++
      }
      blank(i, Math.min(k + 1, text.length))
      i = k + 1
    } else if (c === '$' && !isIdentChar(text[i - 1]) && DOLLAR_TAG.test(text.slice(i, i + 200))) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 200))![0]
      const end = text.indexOf(tag, i + tag.length)
      const stop = end < 0 ? text.length : end + tag.length
      blank(i, stop)
      i = stop
    } else {
      if (c === ';') semicolons.push(i)
      out.push(c)
      i++
    }
  }
  return { code: out.join(''), semicolons }
}

/** Decides whether the console runs the text, and returns it without trailing semicolons. */
export function checkStatement(text: string): StatementCheck {
  const { code, semicolons } = scanSql(text)
  if (code.trim() === '' || code.replace(/;/g, '').trim() === '') return { ok: false, reason: '请输入一条查询语句' }
  // Trailing semicolons (with only blanks, comments after them) are fine; any other is a second statement.
  let end = text.length
  for (let k = semicolons.length - 1; k >= 0; k--) {
    const at = semicolons[k]!
    if (
      code.slice(at + 1, end).trim() === '' ||
      code
        .slice(at + 1, end)
        .replace(/;/g, '')
        .trim() === ''
    )
      end = at
    else break
  }
  if (semicolons.some((at) => at < end))
    return { ok: false, reason: '一次只能执行一条语句：请删去分号后面的语句后再执行' }
  const first = /^[\s(]*([A-Za-z_]+)/.exec(code.slice(0, end))?.[1]?.toUpperCase() ?? ''
  if (!READ_KEYWORDS.has(first)) {
    return {
      ok: false,
      reason: `控制台只读，不执行 ${first || '这条'} 语句。可执行 SELECT、WITH、FROM、SHOW、DESCRIBE、SUMMARIZE 等查询；修改数据请使用“上传数据”页面，内置和已上传的表不会被控制台改动。`,
    }
  }
  return { ok: true, sql: text.slice(0, end).trim() }
}
