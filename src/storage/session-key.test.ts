import { afterEach, describe, expect, it, vi } from 'vitest'
import { MemoryStorage } from '../../tests/utils/memory-storage.ts'
import { type SessionKeyring, sessionKeyring } from './session-key.ts'

const opened: SessionKeyring[] = []
/** One tab's keyring: its own sessionStorage, the channel shared with every other tab. */
function tab(databaseName: string, storage = new MemoryStorage()): SessionKeyring {
  const keyring = sessionKeyring(databaseName, { storage, askTimeoutMs: 50 })
  opened.push(keyring)
  return keyring
}

afterEach(() => {
  for (const keyring of opened.splice(0)) keyring.close()
  vi.unstubAllGlobals()
})

async function roundTrip(from: SessionKeyring, to: SessionKeyring): Promise<string> {
  const a = await from.current()
  const b = await to.current()
  const iv = new Uint8Array(12)
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    a.key,
    new TextEncoder().encode('ok'),
  )
  return new TextDecoder().decode(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, b.key, sealed),
  )
}

describe('session key', () => {
  it('is made by a tab alone, kept across its reloads, and cannot be read out', async () => {
    const name = `keys-${crypto.randomUUID()}`
    const storage = new MemoryStorage()
    const first = await tab(name, storage).current()
    expect(first.key.extractable).toBe(false)
    await expect(crypto.subtle.exportKey('raw', first.key)).rejects.toThrow()

    // A reload: a new page in the same tab, with the same sessionStorage.
    opened[0]?.close()
    const reloaded = tab(name, storage)
    expect((await reloaded.current()).id).toBe(first.id)
    expect(await roundTrip(tab(name, storage), reloaded)).toBe('ok')
  })

  it('is handed to a newly opened tab by a tab that holds it', async () => {
    const name = `keys-${crypto.randomUUID()}`
    const open = tab(name)
    const { id } = await open.current()

    const opening = tab(name)
    expect((await opening.current()).id).toBe(id)
    expect(await roundTrip(open, opening)).toBe('ok')
  })

  it('is a new one once every tab has closed', async () => {
    const name = `keys-${crypto.randomUUID()}`
    const first = tab(name)
    const { id } = await first.current()
    first.close()

    expect((await tab(name).current()).id).not.toBe(id)
  })

  it('is the same for tabs that open at the same moment', async () => {
    // A Web Lock, as browsers have: one holder at a time, in request order.
    let queue = Promise.resolve()
    const request = <T>(_name: string, run: () => Promise<T>): Promise<T> => {
      const result = queue.then(run)
      queue = result.then(
        () => undefined,
        () => undefined,
      )
      return result
    }
    vi.stubGlobal('navigator', { locks: { request } })
    const name = `keys-${crypto.randomUUID()}`
    const ids = await Promise.all([tab(name), tab(name), tab(name)].map((k) => k.current()))
    expect(new Set(ids.map((key) => key.id)).size).toBe(1)
  })

  it('is not confused by another database’s keys or by garbage on the channel', async () => {
    const name = `keys-${crypto.randomUUID()}`
    const demo = tab(`${name}-demo`)
    const demoKey = await demo.current()
    const noise = new BroadcastChannel(`git-connector:session-key:${name}`)
    noise.onmessage = () => noise.postMessage({ type: 'key', material: { id: 42 } })

    const real = await tab(name).current()
    noise.close()
    expect(real.id).not.toBe(demoKey.id)
  })

  it('ignores a damaged copy in sessionStorage', async () => {
    const name = `keys-${crypto.randomUUID()}`
    const storage = new MemoryStorage()
    storage.setItem(`git-connector:session-key:${name}`, '{"id":')
    const key = await tab(name, storage).current()
    expect(key.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(storage.getItem(`git-connector:session-key:${name}`)).toContain(key.id)
  })
})
