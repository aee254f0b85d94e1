import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it, onTestFinished } from 'vitest'
import { server } from '@mocks/node'
import { BITBUCKET_API } from '@mocks/data/bitbucket'
import { isProviderError } from '../errors.ts'
import type { ProviderTarget } from '../types.ts'
import { createBitbucketProvider } from './adapter.ts'
import { providerFailure } from '../../../tests/utils/provider-test-kit.ts'

const TOKEN = 'ATATT3xFfGF0-demo-secret-value'
const apiToken: ProviderTarget = {
  type: 'bitbucket',
  credentialKind: 'api-token',
  email: 'bea.demo@example.com',
}
const accessToken: ProviderTarget = {
  type: 'bitbucket',
  credentialKind: 'access-token',
  workspace: 'tidewater-labs',
}

function verify(target: ProviderTarget, token = TOKEN, signal?: AbortSignal) {
  return createBitbucketProvider(target, { token }).verify(signal)
}

function countRequests() {
  const seen: string[] = []
  const listener = ({ request }: { request: Request }) => void seen.push(request.url)
  server.events.on('request:start', listener)
  onTestFinished(() => server.events.removeListener('request:start', listener))
  return seen
}

describe('Bitbucket API token (Basic email:token)', () => {
  it('returns the account, its confirmed emails and the token scopes', async () => {
    const result = await verify(apiToken)
    expect(result.account).toEqual({
      id: '{f7d058d3-9301-4cbe-b17c-baced267efd1}',
      login: 'bea-demo',
      displayName: 'Bea Demo',
      avatarUrl: expect.stringMatching(/^data:image\/svg\+xml,/) as string,
      emails: ['bea.demo@example.com', 'bea@tidewater-labs.example'],
    })
    expect(result.scopes).toContain('read:workspace:bitbucket')
    expect(result.expiresAt).toBeNull()
    expect(result.remote).toBeNull()
    expect(result.notices).toEqual([])
  })

  it('sends the email as the Basic user name', async () => {
    let authorization: string | null = null
    server.use(
      http.get(`${BITBUCKET_API}/user`, ({ request }) => {
        authorization = request.headers.get('authorization')
      }),
    )
    await verify(apiToken)
    expect(authorization).toBe(`Basic ${btoa(`bea.demo@example.com:${TOKEN}`)}`)
  })

  it('uses the nickname when /user carries no username', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user`, () =>
        HttpResponse.json({ uuid: '{u}', display_name: 'Bea Demo', nickname: 'bea-nick' }),
      ),
    )
    expect((await verify(apiToken)).account?.login).toBe('bea-nick')
  })

  it('asks for the email before sending anything', async () => {
    const seen = countRequests()
    const error = await providerFailure(verify({ ...apiToken, email: ' ' }))
    expect(error).toMatchObject({ kind: 'unsupported', subject: 'email' })
    expect(seen).toEqual([])
  })

  it('says the email + token pair was refused on a 401', async () => {
    const error = await providerFailure(verify(apiToken, 'revoked'))
    expect(error).toMatchObject({ kind: 'unauthorized', subject: 'token', status: 401 })
    expect(error.message).toMatch(/email and API token/)
    expect(error.hint).toContain('bea.demo@example.com')
  })

  it('refuses a user name that is not an email', async () => {
    const error = await providerFailure(verify({ ...apiToken, email: 'bea-demo' }))
    expect(error).toMatchObject({ kind: 'unauthorized', subject: 'token' })
  })

  it('keeps going with a notice when emails cannot be listed', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user/emails`, () =>
        HttpResponse.json({ type: 'error', error: { message: 'Forbidden' } }, { status: 403 }),
      ),
    )
    const result = await verify(apiToken)
    expect(result.account?.emails).toEqual(['bea.demo@example.com'])
    expect(result.notices).toHaveLength(1)
  })

  it('explains a missing workspace scope', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user/workspaces`, () =>
        HttpResponse.json(
          {
            type: 'error',
            error: {
              message: 'Your credentials lack one or more required privilege scopes.',
              detail: { required: ['read:workspace:bitbucket'] },
            },
          },
          { status: 403 },
        ),
      ),
    )
    const error = await providerFailure(verify(apiToken))
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 })
    expect(error.hint).toMatch(/read:workspace:bitbucket/)
  })

  it('notes a workspace the account is not a member of', async () => {
    const result = await verify({ ...apiToken, workspace: 'elsewhere' })
    expect(result.notices.join(' ')).toMatch(/elsewhere/)
  })
})

describe('Bitbucket access token (Bearer)', () => {
  it('describes the workspace when /user is refused', async () => {
    const result = await verify(accessToken, 'ATCTT3xFfGN0-demo-secret')
    expect(result.account).toMatchObject({
      id: '{922761be-ee62-471e-8264-b74cc5d54b03}',
      login: 'tidewater-labs',
      displayName: 'Tidewater Labs',
      emails: [],
    })
    expect(result.scopes).toEqual(['repository', 'pullrequest', 'webhook'])
    expect(result.notices).toHaveLength(1)
  })

  it('sends a Bearer header', async () => {
    let authorization: string | null = null
    server.use(
      http.get(`${BITBUCKET_API}/repositories/:workspace`, ({ request }) => {
        authorization = request.headers.get('authorization')
      }),
    )
    await verify(accessToken, 'ATCTT-x')
    expect(authorization).toBe('Bearer ATCTT-x')
  })

  it('uses the pseudo-user when /user answers', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user`, () =>
        HttpResponse.json({
          uuid: '{bot}',
          display_name: 'harbor-api access token',
          nickname: 'harbor-bot',
        }),
      ),
    )
    const result = await verify(accessToken)
    expect(result.account).toMatchObject({ id: '{bot}', login: 'harbor-bot' })
    expect(result.notices).toEqual([])
  })

  it('asks for the workspace before sending anything', async () => {
    const seen = countRequests()
    const error = await providerFailure(verify({ ...accessToken, workspace: undefined }))
    expect(error).toMatchObject({ kind: 'unsupported', subject: 'workspace' })
    expect(seen).toEqual([])
  })

  it('points an unknown workspace at the workspace field', async () => {
    const error = await providerFailure(verify({ ...accessToken, workspace: 'nowhere' }))
    expect(error).toMatchObject({ kind: 'not-found', subject: 'workspace', status: 404 })
  })

  it('points a forbidden workspace at the workspace field', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/repositories/:workspace`, () =>
        HttpResponse.json({ type: 'error', error: { message: 'Forbidden' } }, { status: 403 }),
      ),
    )
    const error = await providerFailure(verify(accessToken))
    expect(error).toMatchObject({ kind: 'forbidden', subject: 'workspace' })
  })

  it('reports a revoked token', async () => {
    const error = await providerFailure(verify(accessToken, 'revoked'))
    expect(error).toMatchObject({ kind: 'unauthorized', subject: 'token', status: 401 })
  })
})

describe('Bitbucket failures', () => {
  it('reads Retry-After on a 429', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user`, () =>
        HttpResponse.json(
          { type: 'error', error: { message: 'Rate limit for this resource has been exceeded' } },
          { status: 429, headers: { 'Retry-After': '30' } },
        ),
      ),
    )
    const before = Date.now()
    const error = await providerFailure(verify(apiToken))
    expect(error.kind).toBe('rate-limited')
    expect(error.resetAt).toBeGreaterThanOrEqual(before + 30_000)
    expect(error.resetAt).toBeLessThan(before + 40_000)
  })

  it('maps a 500 to server', async () => {
    server.use(http.get(`${BITBUCKET_API}/user`, () => new HttpResponse(null, { status: 500 })))
    expect((await providerFailure(verify(apiToken))).kind).toBe('server')
  })

  it('maps a rejected fetch to network', async () => {
    server.use(http.get(`${BITBUCKET_API}/user`, () => HttpResponse.error()))
    const error = await providerFailure(verify(apiToken))
    expect(error).toMatchObject({ kind: 'network', networkCause: 'unreachable' })
  })

  it('maps an unexpected shape to invalid-response', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user`, () => HttpResponse.json({ display_name: 'no uuid' })),
    )
    expect((await providerFailure(verify(apiToken))).kind).toBe('invalid-response')
  })

  it('rethrows the caller’s abort untouched', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user`, async () => {
        await delay(5_000)
        return HttpResponse.json({})
      }),
    )
    const controller = new AbortController()
    const pending = verify(apiToken, TOKEN, controller.signal)
    setTimeout(() => controller.abort(), 10)
    const error: unknown = await pending.catch((reason: unknown) => reason)
    expect(isProviderError(error)).toBe(false)
    expect(error).toBe(controller.signal.reason)
  })

  it('never puts the token in an error, even when the provider echoes it', async () => {
    const echo = ({ request }: { request: Request }) =>
      HttpResponse.json(
        {
          type: 'error',
          error: {
            message: `Bad credentials ${request.headers.get('authorization') ?? ''} ${TOKEN}`,
          },
        },
        { status: 403 },
      )
    server.use(
      http.get(`${BITBUCKET_API}/user`, echo),
      http.get(`${BITBUCKET_API}/repositories/:workspace`, echo),
    )
    for (const target of [apiToken, accessToken]) {
      const error = await providerFailure(verify(target))
      const text = JSON.stringify({ message: error.message, said: error.providerMessage })
      expect(error.providerMessage).toContain('[redacted]')
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain(btoa(`bea.demo@example.com:${TOKEN}`))
    }
  })
})
