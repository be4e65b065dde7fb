/**
 * How text a user wrote (the SQL console, the chart builder, a pin read back from storage)
 * reaches DuckDB: only ever as ONE statement that DuckDB itself has confirmed is a query.
 *
 * - The SQL is wrapped as a subquery, `SELECT * FROM (…) AS "user_query"`: DuckDB's parser
 *   accepts only a query there, so whatever the text holds, a single statement built this way
 *   is a SELECT.
 * - It is never prepared on its own: binding some statements already acts (binding EXPORT
 *   DATABASE creates its directory), while the binder never sees anything but a query here.
 * - It is prepared first. DuckDB refuses to prepare several statements at once, so a text that
 *   closes the parenthesis and adds `; DELETE …` is refused before anything runs. (A plain
 *   `query` or `send` of the same text would run every statement in it.)
 * - It then runs inside `BEGIN TRANSACTION READ ONLY` on a connection of its own, so DuckDB
 *   refuses any write that a function could still attempt.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm'

/** The only statement user text is ever part of: our SELECT over it. */
export function asUserSubquery(sql: string): string {
  return `SELECT * FROM (\n${sql}\n) AS "user_query"`
}

/** DuckDB's "LINE n:" in a message about the wrapped text, as the line of the user's own text. */
export function linesOfUserText(message: string): string {
  return message.replace(/\bLINE (\d+):/g, (_, n: string) => `LINE ${Math.max(1, Number(n) - 1)}:`)
}

export const BEGIN_READ_ONLY = 'BEGIN TRANSACTION READ ONLY'

const MULTIPLE = /Cannot prepare multiple statements/i

/** DuckDB's refusal, in words a user can act on (DuckDB's own text kept for the details). */
export function describeRefusal(message: string, text: string): string {
  if (MULTIPLE.test(message)) {
    const pivot = /\bPIVOT\b/i.test(text)
      ? '（不写 IN (…) 的 PIVOT 需要先执行额外的语句，只读查询不支持；请在 ON 后写明 IN (…) 列出取值）'
      : ''
    return `一次只能执行一条只读查询：DuckDB 在这段文字中读出了多条语句，没有执行其中任何一条${pivot}。\n${message}`
  }
  if (/^Parser Error/i.test(message))
    return `只能执行一条只读查询（SELECT、WITH、FROM、VALUES、SHOW、DESCRIBE、SUMMARIZE 等），这段文字未执行。\n${message}`
  if (/read-only mode|read only/i.test(message))
    return `只读查询不能修改数据，DuckDB 已拒绝并撤销这次执行。\n${message}`
  return message
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * Prepares `sql` (already wrapped) to prove it is one statement, and closes the statement.
 * Returns DuckDB's message when it is not.
 */
export async function confirmSingleStatement(connection: AsyncDuckDBConnection, sql: string): Promise<string | null> {
  try {
    const statement = await connection.prepare(sql)
    await statement.close()
    return null
  } catch (e) {
    return messageOf(e)
  }
}

/** Runs `work` inside a read-only transaction, rolled back when it fails. */
export async function inReadOnlyTransaction<R>(connection: AsyncDuckDBConnection, work: () => Promise<R>): Promise<R> {
  await connection.query(BEGIN_READ_ONLY)
  let result: R
  try {
    result = await work()
  } catch (e) {
    await connection.query('ROLLBACK').catch(() => undefined)
    throw e
  }
  await connection.query('COMMIT')
  return result
}

/** One read at a time per connection: a transaction must not wrap another caller's statement. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<R>(work: () => Promise<R>): Promise<R> {
    const next = this.tail.then(work, work)
    this.tail = next.catch(() => undefined)
    return next
  }
}
