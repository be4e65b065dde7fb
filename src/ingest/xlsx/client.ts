import { err, ok, type Result } from '../../lib/result'
import type { BatchOptions, BatchRead } from './batch'

/** A file name a workbook goes by (the rest are read as CSV). */
export const WORKBOOK_FILE = /\.(xlsx|xlsm|xls|et|ett)$/i

export function isWorkbookFile(file: { readonly name: string; readonly type?: string }): boolean {
  return WORKBOOK_FILE.test(file.name) || /spreadsheetml|ms-excel|wps/.test(file.type ?? '')
}

/**
 * Reads workbooks in a worker of their own (the reader, saxen and fflate, arrive in its chunk
 * when the first workbook is dropped: the first bundle does not carry them). The tab stays
 * responsive however big the workbook; a worker that fails says why instead of hanging.
 */
export function readWorkbooksInWorker(
  files: readonly { readonly name: string; readonly input: Blob; readonly sheet?: string | undefined }[],
  options: BatchOptions = {},
): Promise<Result<BatchRead, string>> {
  const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' })
  return new Promise<Result<BatchRead, string>>((resolve) => {
    worker.onmessage = (e: MessageEvent<{ ok: true; batch: BatchRead } | { ok: false; message: string }>) =>
      resolve(e.data.ok ? ok(e.data.batch) : err(`读取工作簿失败：${e.data.message}`))
    worker.onerror = (e) => resolve(err(`读取工作簿失败：${e.message || '读取程序出错'}`))
    // Out of memory or a crash ends the worker without a message.
    worker.onmessageerror = () => resolve(err('读取工作簿失败：结果无法传回页面'))
    worker.postMessage({
      files: files.map((f) => ({ name: f.name, input: f.input, ...(f.sheet !== undefined ? { sheet: f.sheet } : {}) })),
      options,
    })
  }).finally(() => worker.terminate())
}
