/**
 * The audit log, audit.jsonl: one line per publish, rollback, unpublish or recovery, appended
 * and flushed after the manifest that it describes is in place. It is also the history: each
 * line that makes a version current carries that version's whole manifest entry.
 */
import { readFile, truncate } from 'node:fs/promises'

import { isEntry, type ManifestEntry } from './manifest'

export type AuditAction = 'publish' | 'rollback' | 'unpublish' | 'recover'

export interface AuditEvent {
  readonly at: string
  readonly action: AuditAction
  readonly table: string
  /** The publisher's name; 'server' for what the server did itself at start-up. */
  readonly who: string
  /** The client's address (not shown by the history API). */
  readonly client: string | null
  /** The current version's sha256 before and after (null: the embedded sample). */
  readonly from: string | null
  readonly to: string | null
  readonly rows: number | null
  /** The manifest version this change produced. */
  readonly version: number
  /** The entry that became current (publish, rollback, recovery to an earlier version). */
  readonly entry: ManifestEntry | null
  readonly reason?: string
  /** Written at start-up for a change whose own line a crash cut off. */
  readonly recovered?: boolean
}

export interface AuditRead {
  readonly events: AuditEvent[]
  /** What was wrong with the file (a torn last line, unreadable lines), for the log. */
  readonly notes: string[]
}

/** Reads the log; a last line cut short by a crash is cut off the file. */
export async function readAudit(file: string): Promise<AuditRead> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], notes: [] }
    throw error
  }
  const notes: string[] = []
  if (text.length > 0 && !text.endsWith('\n')) {
    const keep = text.lastIndexOf('\n') + 1
    await truncate(file, Buffer.byteLength(text.slice(0, keep)))
    notes.push(`audit.jsonl: removed a last line cut short (${text.length - keep} characters)`)
    text = text.slice(0, keep)
  }
  const events: AuditEvent[] = []
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    try {
      const event = JSON.parse(line) as AuditEvent
      if (typeof event.table !== 'string' || !Number.isSafeInteger(event.version)) throw new Error('not an event')
      if (event.entry !== null && !isEntry(event.entry)) throw new Error('malformed entry')
      events.push(event)
    } catch {
      notes.push(`audit.jsonl line ${i + 1} is unreadable and was skipped`)
    }
  })
  return { events, notes }
}

export const auditLine = (event: AuditEvent) => JSON.stringify(event)
