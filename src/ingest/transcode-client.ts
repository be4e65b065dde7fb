import type { TextEncoding } from './encoding'
import { bytesOf, toDuckDbUtf8, type TranscodeOptions } from './transcode'

/** Below this size decoding on the main thread is quicker than starting a worker. */
const WORKER_THRESHOLD = 2 * 1024 * 1024

/** Re-encodes to UTF-8, in a worker of our own for big files that need decoding. */
export async function transcodeInWorker(
  input: Uint8Array | Blob,
  encoding: TextEncoding,
  options: TranscodeOptions,
): Promise<Uint8Array> {
  const needsDecoding = encoding !== 'utf-8' || options.normaliseLineEnds || options.dropNul || options.repairUtf8
  const size = input instanceof Uint8Array ? input.length : input.size
  if (!needsDecoding || size < WORKER_THRESHOLD || typeof Worker === 'undefined') {
    return toDuckDbUtf8(await bytesOf(input), encoding, options, input instanceof Blob)
  }
  const worker = new Worker(new URL('./transcode.worker.ts', import.meta.url), { type: 'module' })
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }>) =>
        e.data.ok ? resolve(e.data.bytes) : reject(new Error(e.data.message))
      worker.onerror = (e) => reject(new Error(e.message || '解码失败'))
      if (input instanceof Blob) {
        // A File goes as it is (no copy): the worker reads it off the main thread.
        worker.postMessage({ input, encoding, options })
      } else {
        // A copy goes to the worker: the caller's bytes stay as they were.
        const copy = input.slice()
        worker.postMessage({ input: copy, encoding, options }, [copy.buffer])
      }
    })
  } finally {
    worker.terminate()
  }
}
