import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { isProviderError } from '../errors.ts'
import type { ProviderTarget } from '../types.ts'
import { createCustomGitProvider } from './adapter.ts'
import { providerFailure, recordRequests } from '../../../tests/utils/provider-test-kit.ts'

const TOKEN = 'glpat-demo-secret-token-value'
const repo: ProviderTarget = {
  type: 'custom-git',
  repositoryUrl: 'https://git.example.com/team/app.git',
  branch: 'develop',
}
const REFS = 'https://git.example.com/team/app.git/info/refs'

function verify(target: ProviderTarget, token = TOKEN, signal?: AbortSignal) {
  return createCustomGitProvider(target, { token }).verify(signal)
}

describe('Custom Git', () => {
  it('reads the branch tip, the default branch and the ref count', async () => {
    const result = await verify(repo)
    expect(result).toEqual({
      account: null,
      scopes: null,
      expiresAt: null,
      remote: {
        defaultBranch: 'main',
        headCommit: 'decc672e9107ad6ff09a9079bb90d173e7b12afb',
        // 3 branches + 3 tags; HEAD and peeled ^{} lines are not refs of their own.
        refCount: 6,
      },
      notices: [],
    })
  })

  it('sends the token as Basic with the git user name, in one v1 discovery request', async () => {
    const seen = recordRequests()
    await verify({ ...repo, gitUsername: 'bea' })
    expect(seen.map((request) => request.url)).toEqual([`${REFS}?service=git-upload-pack`])
    expect(seen[0]?.headers.get('authorization')).toBe(`Basic ${btoa(`bea:${TOKEN}`)}`)
    expect(seen[0]?.headers.get('git-protocol')).toBeNull()
  })

  it('uses “git” as the user name when none is given, and no header without a token', async () => {
    const seen = recordRequests()
    await verify(repo)
    await verify(repo, '')
    expect(seen[0]?.headers.get('authorization')).toBe(`Basic ${btoa(`git:${TOKEN}`)}`)
    expect(seen[1]?.headers.get('authorization')).toBeNull()
  })

  it('uses the default branch when none is given', async () => {
    const result = await verify({ ...repo, branch: '' })
    expect(result.remote?.headCommit).toBe('07aaf3202b38919dd16ef0cb14ccbd7215599b11')
  })

  it('works through a CORS proxy and warns that the proxy sees the token', async () => {
    const seen = recordRequests()
    const result = await verify({
      ...repo,
      branch: 'release/1.x',
      corsProxyUrl: 'https://proxy.example.com/',
    })
    expect(seen.map((request) => request.url)).toEqual([
      'https://proxy.example.com/git.example.com/team/app.git/info/refs?service=git-upload-pack',
    ])
    expect(result.remote?.headCommit).toBe('cf709adcbb11c8fc4360b6e5f4fcdbaf8636ed5f')
    expect(result.notices).toEqual([expect.stringContaining('proxy.example.com') as string])
  })

  it('lists existing branches when the branch is missing', async () => {
    const error = await providerFailure(verify({ ...repo, branch: 'feature/x' }))
    expect(error).toMatchObject({ kind: 'not-found', subject: 'branch' })
    expect(error.message).toContain('main, develop, release/1.x')
  })

  it('shows at most five branches', async () => {
    const names = ['main', 'a', 'b', 'c', 'd', 'e', 'f']
    const body =
      '001e# service=git-upload-pack\n0000' +
      names
        .map((name, index) => {
          const line = `${String(index).repeat(40)} refs/heads/${name}${index === 0 ? '\0symref=HEAD:refs/heads/main' : ''}\n`
          return (line.length + 4).toString(16).padStart(4, '0') + line
        })
        .join('') +
      '0000'
    server.use(
      http.get(
        REFS,
        () =>
          new HttpResponse(body, {
            headers: { 'Content-Type': 'application/x-git-upload-pack-advertisement' },
          }),
      ),
    )
    const error = await providerFailure(verify({ ...repo, branch: 'zzz' }))
    expect(error.message).toContain('main, a, b, c, d and 2 more')
  })

  it('points a missing repository at the repository URL', async () => {
    const error = await providerFailure(
      verify({ ...repo, repositoryUrl: 'https://git.example.com/team/missing.git' }),
    )
    expect(error).toMatchObject({ kind: 'not-found', subject: 'repository-url', status: 404 })
  })

  it('reports a revoked token', async () => {
    const error = await providerFailure(verify(repo, 'revoked'))
    expect(error).toMatchObject({ kind: 'unauthorized', subject: 'token', status: 401 })
  })

  it('asks for credentials when a private repository refuses an anonymous request', async () => {
    const error = await providerFailure(
      verify({ ...repo, repositoryUrl: 'https://git.example.com/team/private.git' }, ''),
    )
    expect(error).toMatchObject({
      kind: 'unauthorized',
      subject: 'token',
      message: 'The repository needs credentials.',
    })
  })

  it('maps a 403 to forbidden', async () => {
    server.use(http.get(REFS, () => new HttpResponse('Forbidden', { status: 403 })))
    expect(await providerFailure(verify(repo))).toMatchObject({ kind: 'forbidden', status: 403 })
  })

  it('reads Retry-After on a 429', async () => {
    server.use(
      http.get(
        REFS,
        () => new HttpResponse('slow down', { status: 429, headers: { 'Retry-After': '60' } }),
      ),
    )
    const before = Date.now()
    const error = await providerFailure(verify(repo))
    expect(error.kind).toBe('rate-limited')
    expect(error.resetAt).toBeGreaterThanOrEqual(before + 60_000)
  })

  it('maps a 500 to server', async () => {
    server.use(http.get(REFS, () => new HttpResponse(null, { status: 500 })))
    expect((await providerFailure(verify(repo))).kind).toBe('server')
  })

  it('says a CORS proxy is needed when the fetch is rejected without one', async () => {
    server.use(http.get(REFS, () => HttpResponse.error()))
    const error = await providerFailure(verify(repo))
    expect(error).toMatchObject({
      kind: 'network',
      networkCause: 'unreachable',
      subject: 'cors-proxy',
    })
    expect(error.reason).toBe('remote-unreachable')
  })

  it('blames the proxy when the fetch is rejected through one', async () => {
    server.use(http.get('https://proxy.example.com/*', () => HttpResponse.error()))
    const error = await providerFailure(
      verify({ ...repo, corsProxyUrl: 'https://proxy.example.com' }),
    )
    expect(error).toMatchObject({ kind: 'network', subject: 'cors-proxy' })
    expect(error.reason).toBe('proxy-unreachable')
  })

  it('says when the URL is not a git repository', async () => {
    server.use(http.get(REFS, () => HttpResponse.html('<html><body>Welcome</body></html>')))
    expect(await providerFailure(verify(repo))).toMatchObject({
      kind: 'invalid-response',
      subject: 'repository-url',
    })
  })

  it('refuses non-http URLs before sending anything', async () => {
    const seen = recordRequests()
    const ssh = await providerFailure(
      verify({ ...repo, repositoryUrl: 'git@git.example.com:team/app.git' }),
    )
    const proxy = await providerFailure(verify({ ...repo, corsProxyUrl: 'proxy.example.com' }))
    expect(ssh).toMatchObject({ kind: 'unsupported', subject: 'repository-url' })
    expect(proxy).toMatchObject({ kind: 'unsupported', subject: 'cors-proxy' })
    expect(seen).toEqual([])
  })

  it('rethrows the caller’s abort untouched', async () => {
    server.use(
      http.get(REFS, async () => {
        await delay(5_000)
        return new HttpResponse(null, { status: 500 })
      }),
    )
    const controller = new AbortController()
    const pending = verify(repo, TOKEN, controller.signal)
    setTimeout(() => controller.abort(), 50)
    const error: unknown = await pending.catch((reason: unknown) => reason)
    expect(isProviderError(error)).toBe(false)
    expect(error).toBe(controller.signal.reason)
  })

  it('never puts the token in an error, even when the host echoes it', async () => {
    server.use(
      http.get(
        REFS,
        ({ request }) =>
          new HttpResponse(`denied for ${TOKEN} (${request.headers.get('authorization') ?? ''})`, {
            status: 403,
          }),
      ),
    )
    const error = await providerFailure(verify(repo))
    const text = JSON.stringify({ message: error.message, said: error.providerMessage })
    expect(error.providerMessage).toContain('[redacted]')
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(btoa(`git:${TOKEN}`))
  })
})
