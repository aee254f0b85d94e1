import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import type { ProviderTarget } from '../types.ts'
import { createGitHubProvider } from './adapter.ts'
import { EMAILS_UNREADABLE_NOTICE, NO_REPO_SCOPE_NOTICE } from './verify.ts'
import { providerFailure, recordRequests } from '../../../tests/utils/provider-test-kit.ts'

const CLASSIC = 'ghp_R4nd0mClassicTokenForTests0123456789'
const FINE_GRAINED = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'
const DOTCOM: ProviderTarget = { type: 'github' }
const GHES: ProviderTarget = { type: 'github-enterprise', baseUrl: 'https://git.example.com' }

function verify(target: ProviderTarget = DOTCOM, token = CLASSIC, signal?: AbortSignal) {
  return createGitHubProvider(target, { token }).verify(signal)
}

describe('GitHub verify', () => {
  it('reads the account, its verified emails and classic scopes on github.com', async () => {
    const seen = recordRequests('https://api.github.com/user')
    const result = await verify()

    expect(result.account?.avatarUrl).toMatch(/^data:image\/svg\+xml,/)
    // toMatchObject compares arrays element by element, so the email list must match exactly.
    expect(result.account).toMatchObject({
      id: '583231',
      login: 'octo-demo',
      displayName: 'Mona Demo',
      // Primary first; the unverified mona.old@example.org is left out.
      emails: [
        'mona.demo@example.com',
        'mona@work.example.com',
        '583231+octo-demo@users.noreply.github.com',
      ],
    })
    expect(result.scopes).toEqual(['repo', 'read:user', 'user:email'])
    expect(result.expiresAt).toBeNull()
    expect(result.remote).toBeNull()
    expect(result.notices).toEqual([])

    const headers = seen[0]?.headers
    expect(headers?.get('authorization')).toBe(`Bearer ${CLASSIC}`)
    // Headers that would fail a browser's CORS preflight are not sent.
    expect(headers?.get('user-agent') ?? '').not.toMatch(/octokit/i)
    expect(headers?.has('x-github-api-version')).toBe(false)
  })

  it('talks to /api/v3 on a GitHub Enterprise Server host', async () => {
    const seen = recordRequests('https://git.example.com/api/v3/user')
    const provider = createGitHubProvider(GHES, { token: CLASSIC })
    const result = await provider.verify()

    expect(provider.type).toBe('github-enterprise')
    expect(seen).toHaveLength(1)
    expect(result.account?.login).toBe('octo-demo')
    expect(result.account?.emails).toContain('583231+octo-demo@users.noreply.git.example.com')
    expect(result.scopes).toEqual(['repo', 'read:user', 'user:email'])
  })

  it('reports unknown scopes and the expiry for a fine-grained token', async () => {
    const result = await verify(DOTCOM, FINE_GRAINED)

    expect(result.scopes).toBeNull()
    expect(result.notices).toEqual([])
    const days = (Date.parse(result.expiresAt ?? '') - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(89)
    expect(days).toBeLessThan(91)
  })

  it('parses an expiry header with a UTC offset', async () => {
    server.use(
      http.get('https://api.github.com/user', () =>
        HttpResponse.json(
          { id: 1, login: 'a' },
          { headers: { 'github-authentication-token-expiration': '2027-01-31 00:00:00 +0200' } },
        ),
      ),
    )
    expect((await verify()).expiresAt).toBe('2027-01-30T22:00:00.000Z')
  })

  it('warns when a classic token lacks the repo scope', async () => {
    server.use(
      http.get('https://api.github.com/user', () =>
        HttpResponse.json(
          { id: 7, login: 'narrow' },
          { headers: { 'x-oauth-scopes': 'read:user' } },
        ),
      ),
    )
    const result = await verify()
    expect(result.scopes).toEqual(['read:user'])
    expect(result.notices).toEqual([NO_REPO_SCOPE_NOTICE])
  })

  it.each([403, 404])(
    'still verifies when /user/emails answers %i, using the public email',
    async (status) => {
      server.use(
        http.get('https://api.github.com/user/emails', () =>
          HttpResponse.json(
            { message: 'Resource not accessible by personal access token' },
            { status },
          ),
        ),
      )
      const result = await verify()
      expect(result.account?.emails).toEqual(['mona.demo@example.com'])
      expect(result.notices).toEqual([EMAILS_UNREADABLE_NOTICE])
    },
  )

  it('fails when /user/emails fails for another reason than permissions', async () => {
    server.use(
      http.get('https://api.github.com/user/emails', () => new HttpResponse(null, { status: 502 })),
    )
    expect((await providerFailure(verify())).kind).toBe('server')
  })

  it('rejects a revoked token as unauthorized, pointing at the token', async () => {
    const error = await providerFailure(verify(DOTCOM, 'revoked'))
    expect(error).toMatchObject({ kind: 'unauthorized', subject: 'token', status: 401 })
    expect(error.providerMessage).toBe('Bad credentials')
  })

  it('maps a plain 403 to forbidden', async () => {
    server.use(
      http.get('https://api.github.com/user', () =>
        HttpResponse.json(
          { message: 'Resource protected by organization SAML enforcement.' },
          { status: 403, headers: { 'x-ratelimit-remaining': '4000' } },
        ),
      ),
    )
    expect(await providerFailure(verify())).toMatchObject({ kind: 'forbidden', status: 403 })
  })

  it('blames the base URL when a GHES host answers 404', async () => {
    server.use(
      http.get('https://git.example.com/api/v3/user', () =>
        HttpResponse.text('Not Found', { status: 404 }),
      ),
    )
    expect(await providerFailure(verify(GHES))).toMatchObject({
      kind: 'not-found',
      subject: 'base-url',
    })
  })

  it('blames the base URL when a GHES host answers with something that is not GitHub', async () => {
    server.use(
      http.get('https://git.example.com/api/v3/user', () =>
        HttpResponse.html('<html>Hello</html>'),
      ),
    )
    expect(await providerFailure(verify(GHES))).toMatchObject({
      kind: 'invalid-response',
      subject: 'base-url',
    })
  })

  it('reads Retry-After on a 429', async () => {
    server.use(
      http.get('https://api.github.com/user', () =>
        HttpResponse.json(
          { message: 'Too many requests' },
          { status: 429, headers: { 'retry-after': '120' } },
        ),
      ),
    )
    const before = Date.now()
    const error = await providerFailure(verify())
    expect(error.kind).toBe('rate-limited')
    expect(error.resetAt).toBeGreaterThanOrEqual(before + 120_000)
    expect(error.resetAt).toBeLessThan(before + 125_000)
  })

  it('treats a 403 with no remaining quota as a rate limit', async () => {
    const reset = Math.floor(Date.now() / 1000) + 900
    server.use(
      http.get('https://api.github.com/user', () =>
        HttpResponse.json(
          { message: 'API rate limit exceeded for user ID 583231.' },
          {
            status: 403,
            headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
          },
        ),
      ),
    )
    expect(await providerFailure(verify())).toMatchObject({
      kind: 'rate-limited',
      resetAt: reset * 1000,
      secondary: false,
    })
  })

  it('maps a 500 to server', async () => {
    server.use(
      http.get('https://api.github.com/user', () => new HttpResponse(null, { status: 500 })),
    )
    expect(await providerFailure(verify())).toMatchObject({ kind: 'server', status: 500 })
  })

  it('maps a failed fetch (offline, DNS, CORS) to network', async () => {
    server.use(http.get('https://api.github.com/user', () => HttpResponse.error()))
    expect(await providerFailure(verify())).toMatchObject({
      kind: 'network',
      networkCause: 'unreachable',
    })
  })

  it('hands back an AbortError when the caller cancels', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(verify(DOTCOM, CLASSIC, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    })

    const midway = new AbortController()
    server.use(
      http.get('https://api.github.com/user', async () => {
        midway.abort()
        await new Promise((resolve) => setTimeout(resolve, 20))
        return HttpResponse.json({ id: 1, login: 'late' })
      }),
    )
    await expect(verify(DOTCOM, CLASSIC, midway.signal)).rejects.toMatchObject({
      name: 'AbortError',
    })
  })

  describe('never puts the token in an error', () => {
    const token = 'ghp_SecretSecretSecretSecretSecret0001'
    const cases: Array<[string, ProviderTarget, () => Response]> = [
      ['401', DOTCOM, () => HttpResponse.json({ message: 'Bad credentials' }, { status: 401 })],
      // A server that echoes what it got must not get the token into our message.
      ['echo', DOTCOM, () => HttpResponse.json({ message: `bad token ${token}` }, { status: 400 })],
      ['500', DOTCOM, () => HttpResponse.text(`oops ${token}`, { status: 500 })],
      ['network', DOTCOM, () => HttpResponse.error()],
      ['GHES 404', GHES, () => HttpResponse.json({ message: `no ${token}` }, { status: 404 })],
    ]
    it.each(cases)('%s', async (_name, target, respond) => {
      server.use(
        http.get('https://api.github.com/user', respond),
        http.get('https://git.example.com/api/v3/user', respond),
      )
      const error = await providerFailure(verify(target, token))
      expect(error.message).not.toContain(token)
      expect(error.providerMessage ?? '').not.toContain(token)
      expect(JSON.stringify(error)).not.toContain(token)
      expect(String(error)).not.toContain(token)
      expect(error.stack ?? '').not.toContain(token)
    })
  })
})
