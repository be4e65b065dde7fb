/// <reference lib="webworker" />
import { type BatchOptions, readBatch } from './batch'

export interface WorkbookRequest {
  readonly files: readonly { readonly name: string; readonly input: Blob | Uint8Array; readonly sheet?: string }[]
  readonly options: BatchOptions
}

/** Workbooks are read here, off the main thread: the page only ever gets the CSV bytes and a few facts. */
self.onmessage = async (e: MessageEvent<WorkbookRequest>) => {
  try {
    const files = await Promise.all(
      e.data.files.map(async (f) => ({
        name: f.name,
        bytes: f.input instanceof Uint8Array ? f.input : new Uint8Array(await f.input.arrayBuffer()),
        sheet: f.sheet,
      })),
    )
    const batch = await readBatch(files, e.data.options)
    const transfer = batch.groups.flatMap((g) => [g.csv.buffer, g.rowFile.buffer, g.rowNumber.buffer])
    ;(self as unknown as Worker).postMessage({ ok: true, batch }, transfer as ArrayBuffer[])
  } catch (error) {
    ;(self as unknown as Worker).postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    })
  }
}
