/**
 * Who may publish: <data dir>/publishers.json, names with scrypt hashes of their
 * passphrases (node:crypto, a salt per name, compared in constant time). Never served.
 * Read on every check, so `npm run publisher` takes effect without a restart.
 */
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { replaceFile } from './store/durable'

export const PUBLISHERS = 'publishers.json'
export const PASSPHRASE_MIN = 6
export const NAME_MAX = 32

interface ScryptParams {
  readonly N: number
  readonly r: number
  readonly p: number
}

export interface PublisherRecord {
  readonly name: string
  readonly salt: string
  readonly hash: string
  readonly scrypt: ScryptParams
  readonly addedAt: string
}

/** 32 MiB of memory and some tens of milliseconds per check: cheap for a publish, costly for a guesser. */
const PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32

function derive(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r }
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

export const publishersFile = (dataDir: string) => path.join(dataDir, PUBLISHERS)

/** Why a name cannot be a publisher's (a Chinese message), or null. */
export function nameProblem(name: string): string | null {
  const n = name.normalize('NFC').trim()
  if (n === '') return '姓名不能为空'
  if (Array.from(n).length > NAME_MAX) return `姓名过长（最多 ${NAME_MAX} 个字）`
  // eslint-disable-next-line no-control-regex
  if (n.includes(':') || /[\u0000-\u001f\u007f-\u009f]/.test(n)) return '姓名不能含有冒号或控制字符'
  return null
}

export async function readPublishers(dataDir: string): Promise<PublisherRecord[]> {
  let text: string
  try {
    text = await readFile(publishersFile(dataDir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const parsed = JSON.parse(text) as { publishers?: PublisherRecord[] }
  return Array.isArray(parsed.publishers) ? parsed.publishers : []
}

async function writePublishers(dataDir: string, publishers: readonly PublisherRecord[]) {
  // Only the server's user may read the hashes.
  await replaceFile(publishersFile(dataDir), `${JSON.stringify({ publishers }, null, 2)}\n`, { mode: 0o600 })
}

/** Adds a publisher, or sets a new passphrase for one already there; true when the name was new. */
export async function addPublisher(dataDir: string, rawName: string, passphrase: string): Promise<boolean> {
  const problem = nameProblem(rawName)
  if (problem) throw new Error(problem)
  if (Array.from(passphrase).length < PASSPHRASE_MIN) throw new Error(`口令太短（至少 ${PASSPHRASE_MIN} 个字符）`)
  const name = rawName.normalize('NFC').trim()
  const salt = randomBytes(16)
  const hash = await derive(passphrase, salt, PARAMS)
  const record: PublisherRecord = {
    name,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
    scrypt: PARAMS,
    addedAt: new Date().toISOString(),
  }
  const all = await readPublishers(dataDir)
  const others = all.filter((p) => p.name !== name)
  const isNew = others.length === all.length
  await writePublishers(dataDir, [...others, record])
  return isNew
}

export async function removePublisher(dataDir: string, rawName: string): Promise<boolean> {
  const name = rawName.normalize('NFC').trim()
  const publishers = await readPublishers(dataDir)
  const kept = publishers.filter((p) => p.name !== name)
  if (kept.length === publishers.length) return false
  await writePublishers(dataDir, kept)
  return true
}

/** A stand-in record, so an unknown name costs the same time as a known one. */
const DECOY: PublisherRecord = {
  name: '',
  salt: randomBytes(16).toString('base64'),
  hash: randomBytes(KEY_LENGTH).toString('base64'),
  scrypt: PARAMS,
  addedAt: '',
}

/** The publisher's name when the passphrase is theirs; null otherwise. */
export async function verifyPublisher(dataDir: string, rawName: string, passphrase: string): Promise<string | null> {
  const name = rawName.normalize('NFC').trim()
  const found = (await readPublishers(dataDir)).find((p) => p.name === name)
  const record = found ?? DECOY
  const expected = Buffer.from(record.hash, 'base64')
  const key = await derive(passphrase, Buffer.from(record.salt, 'base64'), record.scrypt)
  const same = key.length === expected.length && timingSafeEqual(key, expected)
  return found && same ? found.name : null
}
