import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import {
  DEMO_GITLAB_APPLICATION_ID,
  DEMO_GITHUB_CLIENT_ID,
  DEMO_TOKEN_EXCHANGE_URL,
} from '@mocks/oauth/demo-sign-in'
import { encodeCode, s256, type DemoCode } from '@mocks/oauth/grants'
import { recordRequests } from '../../../tests/utils/provider-test-kit.ts'
import {
  exchangeCode,
  refreshGrant,
  TokenEndpointError,
  type TokenEndpoint,
} from './token-endpoint.ts'

const REDIRECT = 'https://app.example.com/oauth/callback'
const VERIFIER = 'a-verifier-of-forty-three-characters-or-more-0123456789'
const STATE = 'state-of-this-flow-0123456789abcdefghijklmnop'

const github: TokenEndpoint = {
  webBase: 'https://github.com',
  authorizeUrl: 'https://github.com/login/oauth/authorize',
  tokenUrl: DEMO_TOKEN_EXCHANGE_URL,
  clientId: DEMO_GITHUB_CLIENT_ID,
}
const gitlab: TokenEndpoint = {
  webBase: 'https://gitlab.com',
  authorizeUrl: 'https://gitlab.com/oauth/authorize',
  tokenUrl: 'https://gitlab.com/oauth/token',
  clientId: DEMO_GITLAB_APPLICATION_ID,
}

async function callback(code: Partial<DemoCode> = {}, extra: Record<string, string> = {}) {
  const text = encodeCode({
    provider: 'github',
    clientId: DEMO_GITHUB_CLIENT_ID,
    redirectUri: REDIRECT,
    challenge: await s256(VERIFIER),
    expiresAt: Date.now() + 60_000,
    outcome: 'token',
    tokenKind: 'expiring',
    ...code,
  })
  return new URLSearchParams({ code: text, state: STATE, ...extra })
}

const flow = { state: STATE, verifier: VERIFIER, redirectUri: REDIRECT }

async function failure(promise: Promise<unknown>): Promise<TokenEndpointError> {
  const error: unknown = await promise.then(
    () => new Error('expected a TokenEndpointError'),
    (reason: unknown) => reason,
  )
  if (!(error instanceof TokenEndpointError)) throw error
  return error
}

describe('exchangeCode', () => {
  it('sends the code with its verifier and no secret, and reads GitHub App terms', async () => {
    const seen = recordRequests(DEMO_TOKEN_EXCHANGE_URL)
    const grant = await exchangeCode(github, await callback(), flow)
    expect(grant.accessToken).toMatch(/^ghu_demo_/)
    expect(grant.refreshToken).toMatch(/^ghr_demo_/)
    const hours = (Date.parse(grant.expiresAt ?? '') - Date.now()) / 3_600_000
    expect(hours).toBeGreaterThan(7.9)
    const body = new URLSearchParams(await seen[0]?.text())
    expect(Object.fromEntries(body)).toMatchObject({
      grant_type: 'authorization_code',
      client_id: DEMO_GITHUB_CLIENT_ID,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    })
    expect(body.has('client_secret')).toBe(false)
    expect(seen[0]?.headers.get('accept')).toContain('application/json')
  })

  it('reads an OAuth App token that never expires', async () => {
    const grant = await exchangeCode(github, await callback({ tokenKind: 'non-expiring' }), flow)
    expect(grant).toMatchObject({ refreshToken: undefined, expiresAt: null })
    expect(grant.scopes).toEqual(['admin:repo_hook', 'read:user', 'repo', 'user:email'])
  })

  it('turns GitHub’s 200 with an error into a refusal in GitHub’s words', async () => {
    const wrongVerifier = failure(
      exchangeCode(github, await callback(), { ...flow, verifier: `${VERIFIER}x` }),
    )
    expect(await wrongVerifier).toMatchObject({
      kind: 'refused',
      code: 'bad_verification_code',
      message: 'The code passed is incorrect or expired.',
    })
    const params = await callback()
    await exchangeCode(github, params, flow)
    expect(await failure(exchangeCode(github, params, flow))).toMatchObject({ kind: 'refused' })
  })

  it('says the person declined when the callback carries access_denied', async () => {
    const denied = new URLSearchParams({
      error: 'access_denied',
      error_description: 'The user has denied your application access.',
      state: STATE,
    })
    expect(await failure(exchangeCode(github, denied, flow))).toMatchObject({
      kind: 'denied',
      message: 'The user has denied your application access.',
    })
  })

  it('tells an exchange endpoint that is down from a refusal', async () => {
    const down = failure(exchangeCode(github, await callback({ outcome: 'server-error' }), flow))
    expect(await down).toMatchObject({ kind: 'unavailable' })
    server.use(http.post(DEMO_TOKEN_EXCHANGE_URL, () => HttpResponse.error()))
    expect(await failure(exchangeCode(github, await callback(), flow))).toMatchObject({
      kind: 'unavailable',
      message: 'The token endpoint could not be reached.',
    })
  })

  it('exchanges with GitLab directly, which answers errors the OAuth way', async () => {
    const params = await callback({ provider: 'gitlab', clientId: DEMO_GITLAB_APPLICATION_ID })
    const grant = await exchangeCode(gitlab, params, flow)
    expect(grant.accessToken).toMatch(/^demo_gitlab_oauth_/)
    expect((Date.parse(grant.expiresAt ?? '') - Date.now()) / 3_600_000).toBeCloseTo(2, 1)
    const other = { ...gitlab, clientId: 'someone-else' }
    const refused = await failure(
      exchangeCode(
        other,
        await callback({ provider: 'gitlab', clientId: DEMO_GITLAB_APPLICATION_ID }),
        flow,
      ),
    )
    expect(refused).toMatchObject({ kind: 'refused', code: 'invalid_client' })
  })
})

describe('refreshGrant', () => {
  it('trades a refresh token for a new pair, once', async () => {
    const first = await exchangeCode(github, await callback(), flow)
    const renewed = await refreshGrant(github, first.refreshToken ?? '', REDIRECT)
    expect(renewed.accessToken).not.toBe(first.accessToken)
    expect(renewed.refreshToken).not.toBe(first.refreshToken)
    const spent = await failure(refreshGrant(github, first.refreshToken ?? '', REDIRECT))
    expect(spent).toMatchObject({ kind: 'refused', code: 'bad_refresh_token' })
  })
})
