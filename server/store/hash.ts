import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'

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
