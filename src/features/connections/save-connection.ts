/**
 * Saving a connection: check the token with its provider first, then store the connection and
 * its secret together. Nothing is written when the check fails. A rename needs no new check.
 */
import { connectionStore } from '@/lib/connection-store.ts'
import { revealHidden } from '@/lib/display-text.ts'
import {
  explainProviderError,
  joinWords,
  type ProviderWords,
} from '@/lib/provider-error-message.ts'
import { providerFor } from '@/lib/provider-for-connection.ts'
import { isProviderError, type ErrorSubject } from '@/providers/errors.ts'
import type { ProviderTarget, Verification } from '@/providers/types.ts'
import {
  type CheckOutcome,
  CONNECTION_SCHEMA_VERSION,
  notChecked,
  secretInputOf,
  targetOf,
  type ConnectionRecord,
  type SecretRecord,
} from '@/storage/schema.ts'
import type { StoredConnection } from '@/storage/connection-store.ts'
import type { ConnectionFormField } from './form/form-values.ts'
import type { ConnectionDraft } from './form/validate-form.ts'
import { tokenMayFollow } from './token-origins.ts'

/** How long the provider gets to answer before we call it a timeout. */
const VERIFY_TIMEOUT_MS = 20_000

export interface SaveRequest {
  draft: ConnectionDraft
  /** The stored connection being edited, if any. */
  existing?: StoredConnection
  /** The person chose to store it without a check the browser cannot make (CORS, no proxy). */
  skipVerification?: boolean
  /** A signed-in token: the draft's token came from this OAuth application, with these terms. */
  grant?: SignInGrant
}

export interface SignInGrant {
  clientId: string
  refreshToken: string | undefined
  expiresAt: string | null
  /** The token endpoint that issued it: the refresh token is sent there and nowhere else. */
  tokenUrl: string
}

/**
 * Why saving stopped, pointing at the field at fault when there is one. `message` is the whole
 * text (our sentence, then the provider's words); the form shows `sentence` and quotes
 * `providerWords` apart from it.
 */
export class SaveRejected extends Error {
  readonly sentence: string
  constructor(
    message: string,
    readonly field: ConnectionFormField | null,
    /** The provider could not be reached: saving unverified is a reasonable way on. */
    readonly canSaveUnverified: boolean,
    readonly providerWords: ProviderWords | null = null,
  ) {
    super(providerWords ? joinWords({ sentence: message, providerWords }) : message)
    this.name = 'SaveRejected'
    this.sentence = message
  }
}

const fieldForSubject: Record<ErrorSubject, ConnectionFormField> = {
  token: 'token',
  'base-url': 'baseUrl',
  organization: 'organization',
  'collection-url': 'collectionUrl',
  email: 'email',
  workspace: 'workspace',
  username: 'username',
  'repository-url': 'repositoryUrl',
  branch: 'branch',
  'cors-proxy': 'corsProxyUrl',
}

export async function saveConnection(request: SaveRequest): Promise<ConnectionRecord> {
  const { draft, existing } = request
  const store = connectionStore()
  // An edit is of a record still stored: read with its token now, not as the form last saw them.
  const current = existing ? await store.getWithSecret(existing.record.id) : undefined
  if (existing && !current) throw new SaveRejected(DELETED_MEANWHILE, null, false)
  const storedSecret = current?.secret
  const token = draft.token ?? storedSecret?.token
  const now = new Date().toISOString()
  const base = existing?.record
  // Whatever the form decided, a kept token goes only where it was entered for: the address
  // stored now. A rename sends nothing and keeps that address (merge-connection.ts), so it may.
  if (current && base && storedSecret && draft.token === undefined && needsCheck(draft, base)) {
    checkTokenMayFollow(draft, targetOf(current.record))
  }

  let checked: CheckOutcome
  if (base && !needsCheck(draft, base)) {
    checked = previousCheck(base)
  } else if (request.skipVerification) {
    checked = notChecked()
  } else {
    const verification = await verify(draft.target, token ?? '')
    checked = {
      verification: 'verified',
      account: verification.account,
      scopes: verification.scopes,
      tokenExpiresAt: request.grant ? request.grant.expiresAt : verification.expiresAt,
      lastVerifiedAt: now,
      notices: verification.notices,
      ...(verification.apiVersion ? { apiVersion: verification.apiVersion } : {}),
      ...(verification.remote ? { remote: verification.remote } : {}),
    }
  }
  checkBitbucketUsername(draft, checked.account)

  const record: ConnectionRecord = {
    ...draft.target,
    schemaVersion: CONNECTION_SCHEMA_VERSION,
    id: base?.id ?? crypto.randomUUID(),
    name: draft.name,
    ...(draft.username ? { username: draft.username } : {}),
    authMethod: draft.authMethod,
    tokenLifetime: draft.tokenLifetime,
    ...checked,
    ...oauthClient(request),
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  }
  // An edit names the record it started from, so a change another tab made meanwhile is kept.
  return store.save(record, secretToStore(request, storedSecret), base && { base })
}

/**
 * A new token comes with its grant's terms. Without one, the stored secret is left alone (another
 * tab may have renewed it meanwhile), unless it is to be kept for another lifetime.
 */
function secretToStore(request: SaveRequest, stored: SecretRecord | undefined) {
  const { draft, grant } = request
  const lifetime = draft.tokenLifetime
  if (draft.token !== undefined) {
    if (!grant) return { token: draft.token, lifetime }
    const { refreshToken, expiresAt, tokenUrl } = grant
    const refresh = refreshToken ? { refreshToken, tokenEndpoint: tokenUrl } : {}
    return { token: draft.token, lifetime, expiresAt, ...refresh }
  }
  if (!stored || stored.lifetime === lifetime) return undefined
  return { ...secretInputOf(stored), lifetime }
}

/** The application a signed-in token belongs to; a pasted token belongs to none. */
function oauthClient({ draft, grant, existing }: SaveRequest): { oauthClientId?: string } {
  if (grant) return { oauthClientId: grant.clientId }
  const kept = existing?.record.oauthClientId
  return draft.token === undefined && draft.authMethod === 'oauth' && kept
    ? { oauthClientId: kept }
    : {}
}

function previousCheck(record: ConnectionRecord): CheckOutcome {
  const { verification, account, scopes, tokenExpiresAt, lastVerifiedAt, notices } = record
  const { remote, apiVersion } = record
  return {
    verification,
    account,
    scopes,
    tokenExpiresAt,
    lastVerifiedAt,
    notices,
    ...(remote ? { remote } : {}),
    ...(apiVersion ? { apiVersion } : {}),
  }
}

const DELETED_MEANWHILE =
  'This connection was deleted in another tab, so nothing was saved. Add it again if you still need it.'

function checkTokenMayFollow(draft: ConnectionDraft, enteredFor: ProviderTarget): void {
  if (tokenMayFollow(draft.target, enteredFor)) return
  const signedIn = draft.authMethod === 'oauth'
  throw new SaveRejected(
    `The stored token is only sent to the server it was entered for, and this address is another one. ${signedIn ? 'Sign in again' : 'Paste a token for it'}.`,
    signedIn ? null : 'token',
    false,
  )
}

/** A new token, another target or a never-verified connection needs a check; a rename does not. */
function needsCheck(draft: ConnectionDraft, base: ConnectionRecord): boolean {
  return (
    draft.token !== undefined ||
    base.verification !== 'verified' ||
    !sameTarget(draft.target, targetOf(base))
  )
}

function sameTarget(a: ProviderTarget, b: ProviderTarget): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  return [...keys].every((key) => left[key] === right[key])
}

async function verify(target: ProviderTarget, token: string): Promise<Verification> {
  try {
    const provider = await providerFor(target, { token })
    return await provider.verify(AbortSignal.timeout(VERIFY_TIMEOUT_MS))
  } catch (error) {
    if (!isProviderError(error)) throw error
    const field = error.subject ? fieldForSubject[error.subject] : null
    const { sentence, providerWords } = explainProviderError(error, target)
    throw new SaveRejected(sentence, field, error.kind === 'network', providerWords)
  }
}

/**
 * Bitbucket's rule: the Username must name the account the API token belongs to. Bitbucket
 * stopped sending `username` in user objects (GDPR, 2019) and a nickname may hold spaces, so any
 * name the account reports matches (username, nickname, account id), compared without case and
 * with runs of spaces as one: the rule is never a dead end.
 */
function checkBitbucketUsername(draft: ConnectionDraft, account: ConnectionRecord['account']) {
  const { target, username } = draft
  if (target.type !== 'bitbucket' || target.credentialKind !== 'api-token' || !account) return
  const names = [account.login, ...(account.aliases ?? [])]
  const wanted = comparable(username ?? '')
  if (names.some((name) => comparable(name) === wanted)) return
  const choices = [...new Set(names)].map((name) => `“${revealHidden(name)}”`)
  throw new SaveRejected(
    `This token belongs to the Bitbucket account ${choices[0] ?? ''}. Enter ${
      choices.length > 1 ? `one of ${choices.join(', ')}` : 'that name'
    } as the Username, or use a token of “${revealHidden(username ?? '')}”.`,
    'username',
    false,
  )
}

function comparable(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase()
}
