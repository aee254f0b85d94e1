/**
 * A sign-in in progress: its `state`, its PKCE verifier and what to save once it ends. It lives in
 * sessionStorage (this tab, this browser session) for ten minutes at most, and is taken out the
 * first time a callback names it, so a replayed or forged callback finds nothing.
 *
 * Nothing secret is kept beyond the flow: the verifier is useless once its code is exchanged.
 */
import {
  calculatePKCECodeChallenge,
  generateRandomCodeVerifier,
  generateRandomState,
} from 'oauth4webapi'
import type { PkceSetup } from './sign-in-setup.ts'

const PREFIX = 'git-connector:sign-in:'
/** GitHub's codes last 10 minutes; a flow older than that cannot end well. */
export const SIGN_IN_MAX_AGE_MS = 10 * 60_000

export type SignInMode = 'popup' | 'redirect'

export interface PendingSignIn {
  state: string
  verifier: string
  setup: PkceSetup
  redirectUri: string
  mode: SignInMode
  createdAt: number
  /** What the caller needs to finish (the connection draft, without any secret), as JSON. */
  context: unknown
}

export class SignInStateError extends Error {
  constructor(readonly kind: 'unknown' | 'stale') {
    super(
      kind === 'stale'
        ? 'This sign-in took longer than 10 minutes and has expired.'
        : 'This sign-in reply does not belong to a sign-in started in this tab (it was already used, or it was not started here).',
    )
    this.name = 'SignInStateError'
  }
}

interface Options {
  storage?: Storage
  now?: number
}

/** Stores a new flow and returns the provider's authorize URL for it. */
export async function beginSignIn(
  setup: PkceSetup,
  flow: { redirectUri: string; mode: SignInMode; context: unknown },
  { storage = sessionStorage, now = Date.now() }: Options = {},
): Promise<{ state: string; authorizeUrl: string }> {
  dropStale(storage, now)
  const verifier = generateRandomCodeVerifier()
  const state = generateRandomState()
  const pending: PendingSignIn = { state, verifier, setup, createdAt: now, ...flow }
  storage.setItem(PREFIX + state, JSON.stringify(pending))

  const url = new URL(setup.authorizeUrl)
  url.searchParams.set('client_id', setup.clientId)
  url.searchParams.set('redirect_uri', flow.redirectUri)
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('scope', setup.scope)
  url.searchParams.set('state', state)
  url.searchParams.set('code_challenge', await calculatePKCECodeChallenge(verifier))
  url.searchParams.set('code_challenge_method', 'S256')
  return { state, authorizeUrl: url.href }
}

/** The flow a callback names, without taking it (the popup asks whether it should finish here). */
export function peekSignIn(state: string, { storage = sessionStorage }: Options = {}) {
  return read(storage, state)
}

/**
 * Takes the flow a callback names out of storage: one use only.
 * @throws SignInStateError when there is none, or it is older than ten minutes.
 */
export function takeSignIn(
  state: string,
  { storage = sessionStorage, now = Date.now() }: Options = {},
): PendingSignIn {
  const pending = read(storage, state)
  storage.removeItem(PREFIX + state)
  if (!pending) throw new SignInStateError('unknown')
  if (now - pending.createdAt > SIGN_IN_MAX_AGE_MS) throw new SignInStateError('stale')
  return pending
}

/** Forgets a flow the person cancelled, so its callback is refused if it still arrives. */
export function abandonSignIn(state: string, { storage = sessionStorage }: Options = {}): void {
  storage.removeItem(PREFIX + state)
}

function read(storage: Storage, state: string): PendingSignIn | undefined {
  // A state is 43 base64url characters; anything else cannot be ours and is not looked up.
  if (!/^[\w-]{16,128}$/.test(state)) return undefined
  const raw = storage.getItem(PREFIX + state)
  if (!raw) return undefined
  try {
    const parsed = JSON.parse(raw) as PendingSignIn
    return parsed.state === state ? parsed : undefined
  } catch {
    return undefined
  }
}

function dropStale(storage: Storage, now: number): void {
  for (let index = storage.length - 1; index >= 0; index--) {
    const key = storage.key(index)
    if (!key?.startsWith(PREFIX)) continue
    const pending = read(storage, key.slice(PREFIX.length))
    if (!pending || now - pending.createdAt > SIGN_IN_MAX_AGE_MS) storage.removeItem(key)
  }
}
