import { describe, expect, it } from 'vitest'
import { MemoryStorage } from '../../../tests/utils/memory-storage.ts'
import {
  beginSignIn,
  peekSignIn,
  SIGN_IN_MAX_AGE_MS,
  SignInStateError,
  takeSignIn,
} from './pending-sign-in.ts'
import type { PkceSetup } from './sign-in-setup.ts'

const setup: PkceSetup = {
  kind: 'pkce',
  provider: 'github',
  label: 'Sign in with GitHub',
  clientId: 'Iv23liClient',
  webBase: 'https://github.com',
  authorizeUrl: 'https://github.com/login/oauth/authorize',
  tokenUrl: 'https://auth.example.com/github/token',
  scope: 'repo admin:repo_hook',
}
const flow = {
  redirectUri: 'https://app.example.com/tools/git/oauth/callback',
  mode: 'popup' as const,
  context: { name: 'Work' },
}

async function sha256Base64Url(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Buffer.from(digest).toString('base64url')
}

function rejection(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a SignInStateError')
}

describe('beginSignIn', () => {
  it('builds the authorize URL with state and an S256 challenge of the stored verifier', async () => {
    const storage = new MemoryStorage()
    const { state, authorizeUrl } = await beginSignIn(setup, flow, { storage })
    const url = new URL(authorizeUrl)
    expect(url.origin + url.pathname).toBe(setup.authorizeUrl)
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'Iv23liClient',
      redirect_uri: flow.redirectUri,
      response_type: 'code',
      scope: 'repo admin:repo_hook',
      state,
      code_challenge_method: 'S256',
    })
    expect(state).toMatch(/^[\w-]{43}$/)
    const pending = peekSignIn(state, { storage })
    expect(pending?.verifier).toMatch(/^[\w-]{43,128}$/)
    expect(url.searchParams.get('code_challenge')).toBe(
      await sha256Base64Url(pending?.verifier ?? ''),
    )
    // The verifier travels nowhere: not in the URL.
    expect(authorizeUrl).not.toContain(pending?.verifier)
  })

  it('gives every sign-in its own state and verifier', async () => {
    const storage = new MemoryStorage()
    const first = await beginSignIn(setup, flow, { storage })
    const second = await beginSignIn(setup, flow, { storage })
    expect(first.state).not.toBe(second.state)
    expect(peekSignIn(first.state, { storage })?.verifier).not.toBe(
      peekSignIn(second.state, { storage })?.verifier,
    )
  })

  it('drops flows older than ten minutes when a new one starts', async () => {
    const storage = new MemoryStorage()
    const old = await beginSignIn(setup, flow, { storage, now: 0 })
    await beginSignIn(setup, flow, { storage, now: SIGN_IN_MAX_AGE_MS + 1 })
    expect(peekSignIn(old.state, { storage })).toBeUndefined()
    expect(storage.length).toBe(1)
  })
})

describe('takeSignIn', () => {
  it('hands a flow out once: a replayed callback finds nothing', async () => {
    const storage = new MemoryStorage()
    const { state } = await beginSignIn(setup, flow, { storage, now: 1000 })
    const pending = takeSignIn(state, { storage, now: 2000 })
    expect(pending).toMatchObject({ state, setup, mode: 'popup', context: { name: 'Work' } })
    expect(rejection(() => takeSignIn(state, { storage, now: 2000 }))).toMatchObject({
      kind: 'unknown',
    })
  })

  it('refuses a state no sign-in here started, or one that is not a state at all', () => {
    const storage = new MemoryStorage()
    for (const state of [
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '',
      '../x',
      'a'.repeat(500),
    ]) {
      const error = rejection(() => takeSignIn(state, { storage }))
      expect(error).toBeInstanceOf(SignInStateError)
      expect(error).toMatchObject({ kind: 'unknown' })
    }
  })

  it('refuses a flow older than ten minutes, and forgets it', async () => {
    const storage = new MemoryStorage()
    const { state } = await beginSignIn(setup, flow, { storage, now: 0 })
    expect(
      rejection(() => takeSignIn(state, { storage, now: SIGN_IN_MAX_AGE_MS + 1 })),
    ).toMatchObject({ kind: 'stale' })
    expect(storage.length).toBe(0)
  })

  it('refuses a stored entry that was tampered with', async () => {
    const storage = new MemoryStorage()
    const { state } = await beginSignIn(setup, flow, { storage })
    const key = storage.key(0) ?? ''
    storage.setItem(key, '{not json')
    expect(rejection(() => takeSignIn(state, { storage }))).toMatchObject({ kind: 'unknown' })
  })
})
