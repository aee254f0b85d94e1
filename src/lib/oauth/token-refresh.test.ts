import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import {
  DEMO_GITHUB_CLIENT_ID,
  DEMO_TOKEN_EXCHANGE_URL,
  withDemoSignIn,
} from '@mocks/oauth/demo-sign-in'
import { mintToken, REFRESH_TOKEN_SECONDS } from '@mocks/oauth/grants'
import { connectionRecordWith } from '../../../tests/utils/stored-connection.ts'
import { recordRequests } from '../../../tests/utils/provider-test-kit.ts'
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
