/**
 * A published table's body goes straight to a temporary file in tables/ as it arrives: the
 * server never holds a 150 MB upload in memory, and its event loop only passes chunks on
 * (200 screens' manifest polls are answered meanwhile). The checker process reads the file,
 * hashes it and checks it; the store then renames it into place, or it is removed.
 */
import { randomBytes } from 'node:crypto'
import { open, rm } from 'node:fs/promises'
import path from 'node:path'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { ApiError } from './errors'

export interface Upload {
  /** The temporary file holding the body (a name the server never serves; removed at start-up). */
  readonly file: string
  readonly bytes: number
  /** Removes the file unless it was moved into place. */
  discard(): Promise<void>
}

export function isUpload(value: unknown): value is Upload {
  return !!value && typeof (value as Upload).file === 'string' && typeof (value as Upload).discard === 'function'
}

/** Counts the bytes going through and stops the stream past `limit`. */
class Limit extends Transform {
  count = 0
  constructor(
    private readonly limit: number,
    private readonly tooLarge: () => Error,
  ) {
    super()
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.count += chunk.length
    if (this.count > this.limit) done(this.tooLarge())
    else done(null, chunk)
  }
}

/** Writes `stream` to a new temporary file in `dir` and flushes it; at most `limit` bytes. */
export async function receiveUpload(
  stream: NodeJS.ReadableStream,
  dir: string,
  declared: number | null,
  limit: number,
  tooLarge: () => Error,
): Promise<Upload> {
  if (declared !== null && declared > limit) throw tooLarge()
  const file = path.join(dir, `.upload.tmp-${process.pid}-${randomBytes(6).toString('hex')}`)
  const discard = () => rm(file, { force: true })
  const handle = await open(file, 'wx', 0o644)
  const counted = new Limit(limit, tooLarge)
  try {
    await pipeline(stream, counted, async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) await handle.write(chunk)
    })
    if (declared !== null && counted.count !== declared) throw new ApiError(400, '数据在结尾之前中断')
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await discard()
    throw error
  }
  await handle.close()
  return { file, bytes: counted.count, discard }
}
