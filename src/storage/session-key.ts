/**
 * The key that seals "Until I close the browser" tokens. A token with that lifetime is stored in
 * IndexedDB only as AES-GCM ciphertext; the key lives in the open tabs of the app and nowhere that
 * outlasts them:
 *
 * - in each tab's memory, imported as a non-extractable CryptoKey;
 * - in each tab's sessionStorage, so that a reload keeps it (sessionStorage is per tab, survives
 *   reloads and goes when the tab closes);
 * - handed to a newly opened tab over a BroadcastChannel by any tab that holds it.
 *
 * When the last tab closes, no copy is left: the next tab asks, nobody answers, and it makes a new
 * key. Tokens sealed with the old one cannot be opened any more: their connections "need token".
 * A Web Lock makes tabs that open together agree on one key instead of each making its own.
 */
import { fromBase64, toBase64 } from './base64.ts'

export interface SessionKey {
  /** Names the key in sealed records, so a record sealed by an earlier session is told apart. */
  id: string
  key: CryptoKey
}

export interface SessionKeyring {
  /** The key of this browser session: this tab's, another open tab's, or a new one. */
  current(): Promise<SessionKey>
  /** Stops answering other tabs (the store is closing). */
  close(): void
}

export interface SessionKeyringOptions {
  /** Where this tab keeps its copy across reloads; `sessionStorage` in the app. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined
  /** How long to wait for another tab to answer before making a new key. */
  askTimeoutMs?: number
}

/** What the key's holder keeps and hands over: the raw key and its id, as text. */
interface KeyMaterial {
  id: string
  raw: string
}

type KeyMessage = { type: 'ask' } | { type: 'key'; material: KeyMaterial }

const ASK_TIMEOUT_MS = 250

function isKeyMaterial(value: unknown): value is KeyMaterial {
  if (typeof value !== 'object' || value === null) return false
  const { id, raw } = value as Partial<Record<keyof KeyMaterial, unknown>>
  return typeof id === 'string' && id !== '' && typeof raw === 'string' && raw !== ''
}

function parseMaterial(text: string | null): KeyMaterial | undefined {
  if (text === null) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return isKeyMaterial(value) ? value : undefined
  } catch {
    return undefined
  }
}

function isKeyMessage(value: unknown): value is KeyMessage {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false
  if (value.type === 'ask') return true
  return value.type === 'key' && 'material' in value && isKeyMaterial(value.material)
}

async function importKey(material: KeyMaterial): Promise<SessionKey> {
  // Non-extractable: code that gets hold of the CryptoKey still cannot read the key out of it.
  const key = await crypto.subtle.importKey('raw', fromBase64(material.raw), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ])
  return { id: material.id, key }
}

function newMaterial(): KeyMaterial {
  return { id: crypto.randomUUID(), raw: toBase64(crypto.getRandomValues(new Uint8Array(32))) }
}

/** A Web Lock where the browser has them (all current ones do); a plain call elsewhere. */
function withLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  return locks ? locks.request(name, run) : run()
}

function defaultStorage(): SessionKeyringOptions['storage'] {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
  } catch {
    // Some browsers throw on touching sessionStorage when site data is blocked.
    return undefined
  }
}

/**
 * The keyring of the database `databaseName` (demo mode's keys are apart from the real ones).
 * A tab that already holds the key (from its sessionStorage) starts answering other tabs at once.
 */
export function sessionKeyring(
  databaseName: string,
  options: SessionKeyringOptions = {},
): SessionKeyring {
  const name = `git-connector:session-key:${databaseName}`
  const storage = 'storage' in options ? options.storage : defaultStorage()
  const askTimeoutMs = options.askTimeoutMs ?? ASK_TIMEOUT_MS
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name)

  let held: KeyMaterial | undefined = parseMaterial(readStorage())
  let current: Promise<SessionKey> | undefined = held && importKey(held)
  /** Resolves an `ask` this tab is waiting on. */
  let answered: ((material: KeyMaterial) => void) | undefined

  function readStorage(): string | null {
    try {
      return storage?.getItem(name) ?? null
    } catch {
      return null
    }
  }

  function hold(material: KeyMaterial): Promise<SessionKey> {
    held = material
    try {
      storage?.setItem(name, JSON.stringify(material))
    } catch {
      // Without sessionStorage the key lasts as long as this page; other tabs still have it.
    }
    return importKey(material)
  }

  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data
    if (!isKeyMessage(message)) return
    if (message.type === 'ask' && held) channel.postMessage({ type: 'key', material: held })
    if (message.type === 'key') answered?.(message.material)
  })

  function askOpenTabs(): Promise<KeyMaterial | undefined> {
    if (!channel) return Promise.resolve(undefined)
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(undefined), askTimeoutMs)
      function finish(material: KeyMaterial | undefined) {
        clearTimeout(timer)
        answered = undefined
        resolve(material)
      }
      answered = finish
      channel.postMessage({ type: 'ask' })
    })
  }

  async function agree(): Promise<SessionKey> {
    // Under the lock, a tab that opened at the same moment has either made its key and answers,
    // or waits for this one to.
    return withLock(name, async () => {
      const stored = parseMaterial(readStorage())
      if (stored) return hold(stored)
      return hold((await askOpenTabs()) ?? newMaterial())
    })
  }

  return {
    current() {
      if (current) return current
      const attempt = agree()
      current = attempt
      attempt.catch(() => {
        if (current === attempt) current = undefined
      })
      return attempt
    },
    close() {
      channel?.close()
    },
  }
}
