import type { UploadDecisions } from '../ingest/plan'

/**
 * Committed uploads, kept in IndexedDB: the original bytes and every decision, so the
 * next start-up (or an engine restart) does the same upload again and gets the same rows.
 * Bytes and decisions live in two stores: the bytes are written while the user is still
 * reading the validation report, so confirming only has to write the small record.
 */
export interface StoredUpload {
  readonly id: string
  /** Order of commit: uploads replay in this order. */
  readonly seq: number
  readonly fileName: string
  readonly decisions: UploadDecisions
  readonly committedAt: string
  /** Table the rows went into, and how many there were. */
  readonly table: string
  readonly rows: number
}

const DB_NAME = 'observatory-uploads'
const META = 'uploads'
const BYTES = 'bytes'

function open(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null)
  return new Promise((resolve) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => {
      request.result.createObjectStore(META, { keyPath: 'id' })
      request.result.createObjectStore(BYTES)
    }
    request.onsuccess = () => resolve(request.result)
    // Private windows and locked-down browsers: uploads still work, they just do not persist.
    request.onerror = () => resolve(null)
    request.onblocked = () => resolve(null)
  })
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB 写入失败'))
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB 写入被中止'))
  })
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

async function withDb<T>(fallback: T, work: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await open()
  if (!db) return fallback
  try {
    return await work(db)
  } finally {
    db.close()
  }
}

export function listStoredUploads(): Promise<StoredUpload[]> {
  return withDb([], async (db) =>
    ((await request(db.transaction(META, 'readonly').objectStore(META).getAll())) as StoredUpload[]).sort(
      (a, b) => a.seq - b.seq,
    ),
  )
}

/** A stored file: a Blob (DuckDB reads it without the page holding a copy) or older stored bytes. */
export async function readStoredBytes(id: string): Promise<Blob | Uint8Array | null> {
  const stored = await withDb(
    null,
    async (db) =>
      ((await request(db.transaction(BYTES, 'readonly').objectStore(BYTES).get(id))) as
        Blob | ArrayBuffer | undefined) ?? null,
  )
  return stored instanceof ArrayBuffer ? new Uint8Array(stored) : stored
}

/**
 * Writes a file's bytes ahead of the commit; false when the browser keeps nothing. The
 * user's File (a Blob) is stored as it is: the browser copies it without the main thread
 * cloning 65 MB.
 */
export function storeBytes(id: string, bytes: Blob | ArrayBuffer): Promise<boolean> {
  return withDb(false, async (db) => {
    const tx = db.transaction(BYTES, 'readwrite')
    tx.objectStore(BYTES).put(bytes, id)
    await done(tx)
    return true
  })
}

/**
 * Records a committed upload (its bytes are already stored). A replace supersedes every
 * earlier upload into the same table: those records and bytes go in the same transaction.
 */
export function storeUpload(upload: Omit<StoredUpload, 'seq'>): Promise<boolean> {
  return withDb(false, async (db) => {
    const existing = (await request(db.transaction(META, 'readonly').objectStore(META).getAll())) as StoredUpload[]
    const tx = db.transaction([META, BYTES], 'readwrite')
    const replaces = upload.decisions.target.kind === 'adhoc' || upload.decisions.target.mode === 'replace'
    if (replaces) {
      for (const old of existing) {
        if (old.table !== upload.table) continue
        tx.objectStore(META).delete(old.id)
        tx.objectStore(BYTES).delete(old.id)
      }
    }
    tx.objectStore(META).put({ ...upload, seq: Math.max(0, ...existing.map((u) => u.seq)) + 1 })
    await done(tx)
    return true
  })
}

/** Forgets the given uploads (bytes included), or every upload. */
export function deleteStoredUploads(ids?: readonly string[]): Promise<void> {
  return withDb(undefined, async (db) => {
    const tx = db.transaction([META, BYTES], 'readwrite')
    if (ids) {
      for (const id of ids) {
        tx.objectStore(META).delete(id)
        tx.objectStore(BYTES).delete(id)
      }
    } else {
      tx.objectStore(META).clear()
      tx.objectStore(BYTES).clear()
    }
    await done(tx)
  })
}

/** The Web Lock a tab holds while one of its uploads is still a draft (its bytes stored, not yet confirmed). */
const draftLockName = (id: string) => `observatory-upload-draft:${id}`

/**
 * Holds the lock that keeps a draft's bytes from being pruned by any tab, until the returned
 * function is called (the draft committed and recorded, or dropped) or the tab closes.
 */
export function holdDraftLock(id: string): () => void {
  let release = () => {}
  if (typeof navigator === 'undefined' || !navigator.locks) return release
  const held = new Promise<void>((resolve) => (release = resolve))
  void navigator.locks.request(draftLockName(id), () => held).catch(() => undefined)
  return release
}

/** Ids of drafts some tab still works on (their lock held or asked for); null when the browser cannot tell. */
async function draftsInUse(): Promise<Set<string> | null> {
  if (typeof navigator === 'undefined' || !navigator.locks) return null
  try {
    const { held = [], pending = [] } = await navigator.locks.query()
    const prefix = draftLockName('')
    return new Set(
      [...held, ...pending].flatMap((l) => (l.name?.startsWith(prefix) ? [l.name.slice(prefix.length)] : [])),
    )
  } catch {
    return null
  }
}

/**
 * Bytes of uploads never confirmed (the tab closed mid-way) are dropped at start-up; not
 * those of a draft another tab is still showing (its lock is held), which that tab may yet
 * confirm. The bytes are listed before the locks are asked about, and each draft takes its
 * lock before its bytes are written, so a draft's bytes are never taken for an orphan.
 */
export function pruneUnconfirmedBytes(): Promise<void> {
  return withDb(undefined, async (db) => {
    const keys = (await request(db.transaction(BYTES, 'readonly').objectStore(BYTES).getAllKeys())) as string[]
    if (keys.length === 0) return
    const inUse = await draftsInUse()
    // Without a way to tell which drafts are alive, nothing is dropped: bytes cost space, a loss costs data.
    if (!inUse) return
    const tx = db.transaction([META, BYTES], 'readwrite')
    const confirmed = new Set((await request(tx.objectStore(META).getAllKeys())) as string[])
    for (const k of keys) if (!confirmed.has(k) && !inUse.has(k)) tx.objectStore(BYTES).delete(k)
    await done(tx)
  })
}
