/**
 * Keeping a signed-in token fresh: GitHub App user tokens last 8 hours and GitLab's 2, each with a
 * refresh token. A token is refreshed a few minutes before it expires, and again when the provider
 * answers 401 to it; the person notices nothing.
 *
 * Refresh tokens are single use, so two tabs must not spend the same one: a Web Lock per
 * connection serializes refreshes across tabs, and whoever holds it first reads the stored token
 * again (another tab may have refreshed it already).
 */
import { connectionStore } from '../connection-store.ts'
import {
  secretInputOf,
  targetOf,
  type ConnectionRecord,
  type SecretRecord,
} from '@/storage/schema.ts'
import { signInDeployment } from './deployment.ts'
import { signInSetupFor } from './sign-in-setup.ts'
import type { TokenEndpoint } from './token-endpoint.ts'

/** Refreshed this long before expiry, so no request goes out with a token about to lapse. */
const MARGIN_MS = 5 * 60_000

export interface Refreshed {
  ok: true
  record: ConnectionRecord
  secret: SecretRecord
}

export interface NotRefreshed {
  ok: false
  /** True when only signing in again helps (refused, or no way to refresh); false for outages. */
  permanent: boolean
  message: string
}

/** Whether a stored token should be refreshed before it is used. */
export function refreshDue(secret: SecretRecord, now = Date.now()): boolean {
  if (!secret.refreshToken || !secret.expiresAt) return false
  return Date.parse(secret.expiresAt) - now < MARGIN_MS
}

/** Whether a 401 to this token may be answered with a refresh. */
export function canRefresh(record: ConnectionRecord, secret: SecretRecord | undefined): boolean {
  return record.authMethod === 'oauth' && Boolean(secret?.refreshToken)
}

const inFlight = new Map<string, Promise<Refreshed | NotRefreshed>>()

/**
 * Refreshes the token of a connection, unless it is no longer `spentToken` (another call or tab
 * refreshed it meanwhile: then the stored one is returned). One refresh per connection at a time.
 */
export function refreshToken(
  connectionId: string,
  spentToken: string,
): Promise<Refreshed | NotRefreshed> {
  const running = inFlight.get(connectionId)
  if (running) return running
  const refresh = withLock(`git-connector:refresh:${connectionId}`, () =>
    refreshUnlocked(connectionId, spentToken),
  ).finally(() => inFlight.delete(connectionId))
  inFlight.set(connectionId, refresh)
  return refresh
}

async function refreshUnlocked(
  connectionId: string,
  spentToken: string,
): Promise<Refreshed | NotRefreshed> {
  const store = connectionStore()
  const stored = await store.getWithSecret(connectionId)
  if (!stored?.secret) {
    return { ok: false, permanent: true, message: 'This browser no longer has the token.' }
  }
  const { record, secret } = stored
  if (secret.token !== spentToken && !refreshDue(secret)) return { ok: true, record, secret }
  const found = endpointFor(record, secret)
  if (!found.ok || !secret.refreshToken) {
    return {
      ok: false,
      permanent: true,
      message: found.ok ? CANNOT_REFRESH : found.message,
    }
  }
  const { endpoint } = found
  const { refreshGrant, TokenEndpointError } = await import('./token-endpoint.ts')
  try {
    const { redirectUri } = signInDeployment()
    const grant = await refreshGrant(endpoint, secret.refreshToken, redirectUri)
    const now = new Date().toISOString()
    const nextRecord: ConnectionRecord = {
      ...record,
      tokenExpiresAt: grant.expiresAt,
      updatedAt: now,
    }
    const nextSecret: SecretRecord = {
      ...secret,
      token: grant.accessToken,
      // A server that does not rotate refresh tokens sends none back: the old one still holds.
      refreshToken: grant.refreshToken ?? secret.refreshToken,
      // Bound from now on, a secret stored before endpoints were kept included.
      tokenEndpoint: endpoint.tokenUrl,
      expiresAt: grant.expiresAt,
    }
    // Based on the record read above: a rename made meanwhile in another tab is kept.
    const saved = await store.save(nextRecord, secretInputOf(nextSecret), { base: record })
    return { ok: true, record: saved, secret: nextSecret }
  } catch (error) {
    if (!(error instanceof TokenEndpointError)) throw error
    return {
      ok: false,
      permanent: error.kind !== 'unavailable',
      message: error.message,
    }
  }
}

const CANNOT_REFRESH = 'The token expired and this deployment can no longer refresh it.'

type EndpointFound = { ok: true; endpoint: TokenEndpoint } | { ok: false; message: string }

/**
 * The same application the token came from, at the token endpoint that issued the refresh token:
 * the one the sign-in used, stored with the secret. The endpoint the connection's address leads
 * to now must still be that one; when it is another (the address was edited), the refresh token
 * is not sent anywhere and the person signs in again.
 */
function endpointFor(record: ConnectionRecord, secret: SecretRecord): EndpointFound {
  const none = { ok: false, message: CANNOT_REFRESH } as const
  if (!record.oauthClientId) return none
  const setup = signInSetupFor(targetOf(record), signInDeployment().config, record.oauthClientId)
  if (setup.kind !== 'pkce') return none
  // GitHub's exchange URL belongs to one client id; a token from another cannot refresh there.
  if (setup.provider === 'github' && setup.clientId !== record.oauthClientId) return none
  const issuedBy = secret.tokenEndpoint ?? legacyEndpoint(record, setup.tokenUrl)
  if (issuedBy !== setup.tokenUrl) {
    return {
      ok: false,
      message: issuedBy
        ? 'The connection now points at another server than the one you signed in to, so its refresh token is not sent there'
        : 'This sign-in was stored before the app kept where it came from, and the connection’s address can be edited, so its refresh token is not sent',
    }
  }
  return { ok: true, endpoint: { ...setup, clientId: record.oauthClientId } }
}

/**
 * For a secret stored before refresh tokens kept their endpoint: the endpoint, where no address
 * anybody typed decides it (gitlab.com's, and the deployment's GitHub exchange URL). A GitLab
 * self-managed or GitHub Enterprise address may have been edited since the sign-in, so theirs is
 * not guessed: those sign in again once, when the token expires.
 */
function legacyEndpoint(record: ConnectionRecord, tokenUrl: string): string | undefined {
  return record.type === 'github' || record.type === 'gitlab' ? tokenUrl : undefined
}

/** A Web Lock where the browser has them (all current ones do); plain call elsewhere (tests). */
function withLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  return locks ? locks.request(name, run) : run()
}
