import type { CheckOutcome } from './checker'

/** A reference table's served version: a key naming it, and its file. */
export interface ReferenceFile {
  readonly key: string
  readonly file: string
}

/** What the server asks the checker process: hash the file and check it as the table, against these references. */
export interface CheckRequest {
  readonly id: number
  readonly table: string
  readonly file: string
  readonly references: Readonly<Record<string, ReferenceFile>>
}

export type CheckReply =
  | { readonly id: number; readonly sha256: string; readonly outcome: CheckOutcome }
  | { readonly id: number; readonly error: string }
