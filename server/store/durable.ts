/**
 * Crash-safe file writes: a new file is written under a temporary name, flushed to disk,
 * renamed over its final name and the directory flushed, so after a crash at any moment the
 * final name holds either the old content or the whole new one, never a part.
 */
import { randomBytes } from 'node:crypto'
import { type FileHandle, open, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/** Temporary files start with a dot and carry this mark: never a name the server serves. */
const TEMP_MARK = '.tmp-'

export const isTempName = (name: string) => name.startsWith('.') && name.includes(TEMP_MARK)

export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export interface TempFile {
  readonly path: string
  /** Renames it to its final name and flushes the directory. */
  commit(): Promise<void>
  discard(): Promise<void>
}

/** Writes `data` to a temporary file beside `target` and flushes it; nothing names it yet. */
export async function writeTemp(target: string, data: Uint8Array | string, mode = 0o644): Promise<TempFile> {
  const dir = path.dirname(target)
  const temp = path.join(dir, `.${path.basename(target)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`)
  let handle: FileHandle | null = await open(temp, 'wx', mode)
  try {
    await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    handle = null
  } catch (error) {
    await handle?.close().catch(() => {})
    await rm(temp, { force: true })
    throw error
  }
  return {
    path: temp,
    async commit() {
      await rename(temp, target)
      await syncDir(dir)
    },
    discard: () => rm(temp, { force: true }),
  }
}

/** Replaces `target` with `data` atomically; `beforeRename` runs between the flush and the rename. */
export async function replaceFile(
  target: string,
  data: Uint8Array | string,
  options: { beforeRename?: (tempPath: string) => Promise<void>; mode?: number } = {},
): Promise<void> {
  const temp = await writeTemp(target, data, options.mode)
  try {
    await options.beforeRename?.(temp.path)
    await temp.commit()
  } catch (error) {
    await temp.discard()
    throw error
  }
}

/** Appends one line and flushes it before returning. */
export async function appendLineDurably(file: string, line: string): Promise<void> {
  const handle = await open(file, 'a', 0o644)
  try {
    await handle.write(line.endsWith('\n') ? line : `${line}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Removes the temporary files a crash left in `dir` (not recursive); returns their names. */
export async function removeTempFiles(dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const temps = names.filter(isTempName)
  await Promise.all(temps.map((n) => rm(path.join(dir, n), { force: true })))
  return temps
}
