import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { setImmediate as nextTurn } from 'node:timers/promises'

/** Bytes hashed between two turns of the event loop: a big body must not stall the manifest polls. */
const SLICE = 4 * 1024 * 1024

/** The sha256 (hex) of `bytes`, hashed a slice at a time so other requests are answered meanwhile. */
export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256')
  for (let at = 0; at < bytes.length; at += SLICE) {
    hash.update(bytes.subarray(at, Math.min(bytes.length, at + SLICE)))
    if (at + SLICE < bytes.length) await nextTurn()
  }
  return hash.digest('hex')
}

/** Why the file at `file` is not the `bytes`-long content whose sha256 is `sha256`; null when it is. */
export async function fileDamage(file: string, sha256: string, bytes?: number): Promise<string | null> {
  let size: number
  try {
    size = (await stat(file)).size
  } catch {
    return 'file is missing'
  }
  if (bytes !== undefined && size !== bytes) return `file has ${size} bytes, expected ${bytes}`
  const hash = createHash('sha256')
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  } catch (error) {
    return `file cannot be read (${(error as Error).message})`
  }
  const found = hash.digest('hex')
  return found === sha256 ? null : `sha256 is ${found}, expected ${sha256}`
}
