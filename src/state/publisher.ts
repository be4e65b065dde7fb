import type { Credentials } from '../published/client'

const NAME_KEY = 'observatory.publisher'

/**
 * Who publishes from this tab: the name is remembered in this browser for convenience; the
 * passphrase is kept in memory only, until the tab closes (never written anywhere).
 */
let passphrase: string | null = null

export function rememberedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? ''
  } catch {
    return ''
  }
}

export function rememberedCredentials(): Credentials | null {
  const name = rememberedName()
  return name && passphrase ? { name, passphrase } : null
}

export function remember(credentials: Credentials) {
  passphrase = credentials.passphrase
  try {
    localStorage.setItem(NAME_KEY, credentials.name)
  } catch {
    // Not remembered: the dialog asks again next time.
  }
}

/** A refused passphrase is not offered again. */
export function forgetPassphrase() {
  passphrase = null
}
