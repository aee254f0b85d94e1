import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import type { ProviderTarget } from '../types.ts'
import { createGitLabProvider } from './adapter.ts'
import { NO_API_NOTICE, NO_READ_API_NOTICE } from './verify.ts'
import { providerFailure, recordRequests } from '../../../tests/utils/provider-test-kit.ts'

const TOKEN = 'glpat-R4nd0mTokenForTests01'
const DOTCOM: ProviderTarget = { type: 'gitlab' }
const SELF_MANAGED: ProviderTarget = {
  type: 'gitlab-self-managed',
  baseUrl: 'https://git.example.com',
}

function verify(target: ProviderTarget = DOTCOM, token = TOKEN, signal?: AbortSignal) {
  return createGitLabProvider(target, { token }).verify(signal)
}

function tokenResponse(fields: Record<string, unknown>) {
  return () =>
    HttpResponse.json({ id: 1, name: 't', revoked: false, active: true, user_id: 1, ...fields })
}

describe('GitLab verify', () => {
  it('reads the account, scopes and expiry on gitlab.com', async () => {
    const seen = recordRequests('https://gitlab.com/api/v4/user')
    const result = await verify()

    expect(result.account?.avatarUrl).toMatch(/^data:image\/svg\+xml,/)
    // toMatchObject compares arrays element by element, so the email list must match exactly.
    expect(result.account).toMatchObject({
      id: '4810923',
      login: 'gitlab-demo',
      displayName: 'Dana Demo',
      // email, then commit_email; the empty public_email is dropped.
      emails: ['dana.demo@example.com', '4810923-gitlab-demo@users.noreply.gitlab.com'],
    })
    expect(result.scopes).toEqual(['api', 'read_user'])
    expect(result.notices).toEqual([])
    expect(result.remote).toBeNull()
    // A date about a year away, as midnight UTC of that day.
    expect(result.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/)
    const days = (Date.parse(result.expiresAt ?? '') - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(363)
    expect(days).toBeLessThan(366)

    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
    expect(seen[0]?.headers.has('private-token')).toBe(false)
  })

  it('talks to /api/v4 on a self-managed host', async () => {
    const seen = recordRequests('https://git.example.com/api/v4/personal_access_tokens/self')
    const provider = createGitLabProvider(SELF_MANAGED, { token: TOKEN })
    const result = await provider.verify()

    expect(provider.type).toBe('gitlab-self-managed')
    expect(seen).toHaveLength(1)
    expect(result.account?.emails).toContain('4810923-gitlab-demo@users.noreply.git.example.com')
    expect(result.scopes).toEqual(['api', 'read_user'])
  })

  it('converts expires_at to midnight UTC and merges duplicate emails', async () => {
    server.use(
      http.get('https://gitlab.com/api/v4/user', () =>
        HttpResponse.json({
          id: 5,
          username: 'dup',
          name: '',
          avatar_url: null,
          email: 'Same@example.com',
          commit_email: 'same@example.com',
          public_email: 'public@example.com',
        }),
      ),
      http.get(
        'https://gitlab.com/api/v4/personal_access_tokens/self',
        tokenResponse({ scopes: ['api'], expires_at: '2027-01-15' }),
      ),
    )
    const result = await verify()
    expect(result.expiresAt).toBe('2027-01-15T00:00:00.000Z')
    expect(result.account).toMatchObject({
      displayName: null,
      avatarUrl: null,
      emails: ['Same@example.com', 'public@example.com'],
    })
  })

  it('leaves expiry empty for a token that never expires', async () => {
    server.use(
      http.get(
        'https://gitlab.com/api/v4/personal_access_tokens/self',
        tokenResponse({ scopes: ['api'], expires_at: null }),
      ),
    )
    expect((await verify()).expiresAt).toBeNull()
  })

  it.each([401, 404])(
    'treats %i on personal_access_tokens/self (OAuth token) as unknown scopes',
    async (status) => {
      server.use(
        http.get('https://gitlab.com/api/v4/personal_access_tokens/self', () =>
          HttpResponse.json({ message: `${status} Not found` }, { status }),
        ),
      )
      const result = await verify()
      expect(result.account?.login).toBe('gitlab-demo')
      expect(result.scopes).toBeNull()
      expect(result.expiresAt).toBeNull()
      expect(result.notices).toEqual([])
    },
  )

  it('fails when personal_access_tokens/self fails for another reason', async () => {
    server.use(
      http.get(
        'https://gitlab.com/api/v4/personal_access_tokens/self',
        () => new HttpResponse(null, { status: 503 }),
      ),
    )
    expect((await providerFailure(verify())).kind).toBe('server')
  })

  it.each([
    [['read_user'], NO_READ_API_NOTICE],
    [['read_api', 'read_user'], NO_API_NOTICE],
  ])('warns about missing scopes %j', async (scopes, notice) => {
    server.use(
      http.get('https://gitlab.com/api/v4/personal_access_tokens/self', tokenResponse({ scopes })),
    )
    const result = await verify()
    expect(result.scopes).toEqual(scopes)
    expect(result.notices).toEqual([notice])
  })

  it('rejects a revoked token as unauthorized, pointing at the token', async () => {
    const error = await providerFailure(verify(DOTCOM, 'revoked'))
    expect(error).toMatchObject({ kind: 'unauthorized', subject: 'token', status: 401 })
    expect(error.providerMessage).toBe('401 Unauthorized')
  })

  it('maps a 403 (token without read_user or api) to forbidden', async () => {
    server.use(
      http.get('https://gitlab.com/api/v4/user', () =>
        HttpResponse.json(
          {
            error: 'insufficient_scope',
            error_description:
              'The request requires higher privileges than provided by the access token.',
            scope: 'api read_user',
          },
          { status: 403 },
        ),
      ),
    )
    const error = await providerFailure(verify())
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 })
    expect(error.providerMessage).toMatch(/higher privileges/)
  })

  it('blames the base URL when a self-managed host answers 404', async () => {
    server.use(
      http.get('https://git.example.com/api/v4/user', () =>
        HttpResponse.html('<h1>Not Found</h1>', { status: 404 }),
      ),
    )
    expect(await providerFailure(verify(SELF_MANAGED))).toMatchObject({
      kind: 'not-found',
      subject: 'base-url',
    })
  })

  it('blames the base URL when a self-managed host answers with something that is not GitLab', async () => {
    server.use(
      http.get('https://git.example.com/api/v4/user', () => HttpResponse.html('<html>App</html>')),
    )
    expect(await providerFailure(verify(SELF_MANAGED))).toMatchObject({
      kind: 'invalid-response',
      subject: 'base-url',
    })
  })

  it('reads Retry-After on a 429', async () => {
    server.use(
      http.get('https://gitlab.com/api/v4/user', () =>
        HttpResponse.text('Retry later', { status: 429, headers: { 'retry-after': '60' } }),
      ),
    )
    const before = Date.now()
    const error = await providerFailure(verify())
    expect(error.kind).toBe('rate-limited')
    expect(error.resetAt).toBeGreaterThanOrEqual(before + 60_000)
    expect(error.resetAt).toBeLessThan(before + 65_000)
  })

  it('maps a 500 to server', async () => {
    server.use(
      http.get('https://gitlab.com/api/v4/user', () =>
        HttpResponse.json({ message: '500 Internal Server Error' }, { status: 500 }),
      ),
    )
    expect(await providerFailure(verify())).toMatchObject({ kind: 'server', status: 500 })
  })

  it('maps a failed fetch (offline, DNS, CORS, TLS) to network', async () => {
    server.use(http.get('https://git.example.com/api/v4/user', () => HttpResponse.error()))
    expect(await providerFailure(verify(SELF_MANAGED))).toMatchObject({
      kind: 'network',
      networkCause: 'unreachable',
    })
  })

  it('hands back an AbortError when the caller cancels', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(verify(DOTCOM, TOKEN, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    })

    const midway = new AbortController()
    server.use(
      http.get('https://gitlab.com/api/v4/user', async () => {
        midway.abort()
        await new Promise((resolve) => setTimeout(resolve, 20))
        return HttpResponse.json({ id: 1, username: 'late' })
      }),
    )
    await expect(verify(DOTCOM, TOKEN, midway.signal)).rejects.toMatchObject({
      name: 'AbortError',
    })
  })

  describe('never puts the token in an error', () => {
    const token = 'glpat-SecretSecretSecret0001'
    const cases: Array<[string, ProviderTarget, () => Response]> = [
      ['401', DOTCOM, () => HttpResponse.json({ message: '401 Unauthorized' }, { status: 401 })],
      // A server or proxy that echoes what it got must not get the token into our message.
      ['echo', DOTCOM, () => HttpResponse.json({ message: `bad token ${token}` }, { status: 400 })],
      [
        'echo object',
        DOTCOM,
        () => HttpResponse.json({ message: { token: [token] } }, { status: 422 }),
      ],
      ['500', DOTCOM, () => HttpResponse.text(`oops ${token}`, { status: 500 })],
      ['network', SELF_MANAGED, () => HttpResponse.error()],
      ['404', SELF_MANAGED, () => HttpResponse.json({ error: `no ${token}` }, { status: 404 })],
    ]
    it.each(cases)('%s', async (_name, target, respond) => {
      server.use(
        http.get('https://gitlab.com/api/v4/user', respond),
        http.get('https://git.example.com/api/v4/user', respond),
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
