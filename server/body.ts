/**
 * A published table's body, read as it arrives: each chunk is copied into one buffer of the
 * announced size and hashed on the way, so a 150 MB upload never stops the event loop for a
 * big copy or a big hash (200 screens' manifest polls are answered meanwhile). The buffer
 * is its own ArrayBuffer, so DuckDB's worker can take it over without another copy.
 */
import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'

import { ApiError } from './errors'

export interface TableBody {
  readonly bytes: Uint8Array
  readonly sha256: string
}

export function isTableBody(value: unknown): value is TableBody {
  return !!value && (value as TableBody).bytes instanceof Uint8Array && typeof (value as TableBody).sha256 === 'string'
}

/** Reads `stream` (at most `limit` bytes; `length` when the client announced it). */
export function readTableBody(stream: Readable, length: number | null, limit: number, tooLarge: () => Error) {
  return new Promise<TableBody>((resolve, reject) => {
    if (length !== null && length > limit) {
      stream.resume()
      return reject(tooLarge())
    }
    const hash = createHash('sha256')
    // Unknown length (chunked upload): chunks are kept and joined once at the end.
    let buffer: Buffer | null = length !== null ? Buffer.allocUnsafeSlow(length) : null
    const chunks: Buffer[] = []
    let received = 0
    stream.on('data', (chunk: Buffer) => {
      if (received + chunk.length > (length ?? limit)) {
        stream.removeAllListeners('data')
        stream.resume()
        buffer = null
        return reject(length === null ? tooLarge() : new ApiError(400, '数据长度与 Content-Length 不符'))
      }
      hash.update(chunk)
      if (buffer) chunk.copy(buffer, received)
      else chunks.push(chunk)
      received += chunk.length
    })
    stream.on('error', reject)
    stream.on('end', () => {
      if (length !== null && received !== length) return reject(new ApiError(400, '数据在结尾之前中断'))
      const bytes = buffer ?? new Uint8Array(Buffer.concat(chunks, received))
      resolve({ bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, received), sha256: hash.digest('hex') })
    })
  })
}
