import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import {
  DEMO_GITHUB_CLIENT_ID,
  DEMO_GITLAB_APPLICATION_ID,
  DEMO_TOKEN_EXCHANGE_URL,
  withDemoSignIn,
} from '@mocks/oauth/demo-sign-in'
import { mintToken, REFRESH_TOKEN_SECONDS } from '@mocks/oauth/grants'
import { connectionRecordWith } from '../../../tests/utils/stored-connection.ts'
import { providerFailure, recordRequests } from '../../../tests/utils/provider-test-kit.ts'
import { providerForConnection } from '../connection-provider.ts'
import { connectionStore, selectDatabase } from '../connection-store.ts'
import { runtimeConfigSchema } from '../runtime-config.ts'
import { configureSignIn } from './deployment.ts'
import { refreshDue } from './token-refresh.ts'

const MINUTE = 60_000
/** A token the simulated GitHub refuses with a 401: its expiry passed in 2001. */
const LAPSED = 'ghu_demo_exp1000000000_lapsed'

async function signedIn(secret: { token: string; expiresAt: string; refreshToken?: string }) {
  const record = connectionRecordWith({
    authMethod: 'oauth',
    oauthClientId: DEMO_GITHUB_CLIENT_ID,
    tokenExpiresAt: secret.expiresAt,
  })
  await connectionStore().save(record, {
    lifetime: 'remember',
    refreshToken: mintToken('ghr_demo_', REFRESH_TOKEN_SECONDS.github),
    ...secret,
  })
  return record
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString()

function authorizations(requests: Request[]) {
  return requests.map((request) => request.headers.get('authorization'))
}

describe('signed-in tokens', () => {
  beforeEach(() => {
    selectDatabase(`test-${crypto.randomUUID()}`)
    configureSignIn(withDemoSignIn(runtimeConfigSchema.parse({})), {
      origin: 'https://app.example.com',
      baseUrl: '/',
    })
  })

  it('is due a few minutes before expiry, and only with a refresh token', () => {
    const secret = {
      schemaVersion: 1,
      connectionId: 'c',
      token: 't',
      lifetime: 'remember',
    } as const
    expect(refreshDue({ ...secret, refreshToken: 'r', expiresAt: inMinutes(2) })).toBe(true)
    expect(refreshDue({ ...secret, refreshToken: 'r', expiresAt: inMinutes(30) })).toBe(false)
    expect(refreshDue({ ...secret, expiresAt: inMinutes(-5) })).toBe(false)
  })

  it('renews a token before it expires and uses the new one', async () => {
    const record = await signedIn({ token: LAPSED, expiresAt: inMinutes(2) })
    const exchanges = recordRequests(DEMO_TOKEN_EXCHANGE_URL)
    const calls = recordRequests('https://api.github.com/user')
    const provider = await providerForConnection(record.id)
    expect((await provider.verify()).account?.login).toBe('octo-demo')

    const stored = await connectionStore().getWithSecret(record.id)
    expect(stored?.secret?.token).toMatch(/^ghu_demo_exp\d+_/)
    expect(authorizations(calls)).toEqual([`Bearer ${stored?.secret?.token}`])
    expect(Date.parse(stored?.record.tokenExpiresAt ?? '')).toBeGreaterThan(
      Date.now() + 7 * 60 * MINUTE,
    )
    expect(exchanges).toHaveLength(1)
  })

  it('renews once for many callers, and once more on a 401, then retries the call', async () => {
    const record = await signedIn({ token: LAPSED, expiresAt: inMinutes(-1) })
    const exchanges = recordRequests(DEMO_TOKEN_EXCHANGE_URL)
    await Promise.all([providerForConnection(record.id), providerForConnection(record.id)])
    expect(exchanges).toHaveLength(1)

    // Refused before its stated expiry (revoked on the provider, a clock that is off): renewed.
    const { secret } = (await connectionStore().getWithSecret(record.id)) ?? {}
    await connectionStore().writeSecret(record.id, {
      token: LAPSED,
      lifetime: 'remember',
      refreshToken: secret?.refreshToken,
      expiresAt: inMinutes(60),
    })
    await connectionStore().save({ ...record, updatedAt: inMinutes(1) })
    const provider = await providerForConnection(record.id)
    expect((await provider.verify()).account?.login).toBe('octo-demo')
    expect(exchanges).toHaveLength(2)
    expect((await connectionStore().get(record.id))?.record.verification).toBe('verified')
  })

  it('marks the connection refused when the refresh token is refused', async () => {
    const record = await signedIn({
      token: LAPSED,
      expiresAt: inMinutes(-1),
      refreshToken: 'ghr_demo_revoked',
    })
    await expect(providerForConnection(record.id)).rejects.toMatchObject({ kind: 'unauthorized' })
    expect((await connectionStore().get(record.id))?.record.verification).toBe('refused')
  })

  it('keeps a still-valid token when the exchange cannot be reached, and says so once expired', async () => {
    server.use(http.post(DEMO_TOKEN_EXCHANGE_URL, () => HttpResponse.error()))
    const valid = await signedIn({ token: 'ghu_demo_still_valid', expiresAt: inMinutes(3) })
    expect((await (await providerForConnection(valid.id)).verify()).account?.login).toBe(
      'octo-demo',
    )

    const expired = await signedIn({ token: LAPSED, expiresAt: inMinutes(-1) })
    await expect(providerForConnection(expired.id)).rejects.toMatchObject({ kind: 'network' })
    expect((await connectionStore().get(expired.id))?.record.verification).toBe('verified')
  })
})

describe('where a refresh token goes (issue 16)', () => {
  const HOME = 'https://gitlab.example.com'
  const MOVED = 'https://gitlab.attacker.test'
  const LAPSED_GITLAB = 'demo_gitlab_oauth_exp1000000000_lapsed'

  beforeEach(() => {
    selectDatabase(`test-${crypto.randomUUID()}`)
    configureSignIn(withDemoSignIn(runtimeConfigSchema.parse({})), {
      origin: 'https://app.example.com',
      baseUrl: '/',
    })
  })

  /** A GitLab connection signed in two hours ago: its token is due for a refresh. */
  async function gitlabSignedIn(target: object, tokenEndpoint: string | undefined) {
    const record = connectionRecordWith({
      ...target,
      authMethod: 'oauth',
      oauthClientId: DEMO_GITLAB_APPLICATION_ID,
      tokenExpiresAt: inMinutes(-1),
    })
    const refreshToken = mintToken('demo_gitlab_refresh_', REFRESH_TOKEN_SECONDS.gitlab)
    await connectionStore().save(record, {
      token: LAPSED_GITLAB,
      lifetime: 'remember',
      expiresAt: inMinutes(-1),
      refreshToken,
      ...(tokenEndpoint ? { tokenEndpoint } : {}),
    })
    return { record, refreshToken }
  }

  function tokenRequests(requests: Request[]) {
    return requests.filter((request) => new URL(request.url).pathname.endsWith('/oauth/token'))
  }

  it('is sent only to the endpoint that issued it, not to where the address now points', async () => {
    const { record } = await gitlabSignedIn(
      { type: 'gitlab-self-managed', baseUrl: HOME },
      `${HOME}/oauth/token`,
    )
    // The address edited some other way than the form (which asks for a new sign-in).
    await connectionStore().update(record.id, (current) => ({
      ...current,
      baseUrl: MOVED,
      updatedAt: inMinutes(1),
    }))
    const requests = recordRequests()
    const failure = await providerFailure(providerForConnection(record.id))
    expect(failure.kind).toBe('unauthorized')
    expect(failure.message).toMatch(/another server than the one you signed in to/)
    expect(tokenRequests(requests)).toEqual([])
    expect((await connectionStore().get(record.id))?.record.verification).toBe('refused')
  })

  it('is refreshed at its own endpoint while the address still leads there', async () => {
    const { record, refreshToken } = await gitlabSignedIn(
      { type: 'gitlab-self-managed', baseUrl: HOME },
      `${HOME}/oauth/token`,
    )
    const requests = recordRequests()
    await providerForConnection(record.id)
    const sent = tokenRequests(requests)
    expect(sent.map((request) => request.url)).toEqual([`${HOME}/oauth/token`])
    expect(await sent[0]?.text()).toContain(`refresh_token=${refreshToken}`)
    expect((await connectionStore().readSecret(record.id))?.token).not.toBe(LAPSED_GITLAB)
  })

  it('of a secret stored before endpoints were kept: refreshed on gitlab.com, then bound', async () => {
    const { record } = await gitlabSignedIn({ type: 'gitlab' }, undefined)
    const requests = recordRequests()
    await providerForConnection(record.id)
    expect(tokenRequests(requests).map((request) => request.url)).toEqual([
      'https://gitlab.com/oauth/token',
    ])
    expect((await connectionStore().readSecret(record.id))?.tokenEndpoint).toBe(
      'https://gitlab.com/oauth/token',
    )
  })

  it('of a secret stored before endpoints were kept: not sent to an editable address', async () => {
    const { record } = await gitlabSignedIn(
      { type: 'gitlab-self-managed', baseUrl: HOME },
      undefined,
    )
    const requests = recordRequests()
    await expect(providerForConnection(record.id)).rejects.toMatchObject({ kind: 'unauthorized' })
    expect(tokenRequests(requests)).toEqual([])
  })
})
