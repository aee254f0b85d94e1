/**
 * Demo tokens whose text contains `read-only` read everything but may not manage webhooks; each
 * simulated provider refuses them the way the real one refuses a token without hook rights, and
 * the adapters turn that into `forbidden` with the provider's words.
 */
import { describe, expect, it } from 'vitest'
import { createBitbucketProvider } from '@/providers/bitbucket/adapter.ts'
import { createGitLabProvider } from '@/providers/gitlab/adapter.ts'
import type { ProviderTarget } from '@/providers/types.ts'
import { providerFailure } from '../../tests/utils/provider-test-kit.ts'
import { BITBUCKET_API } from '../data/bitbucket.ts'
import { findDemoRepository } from '../data/catalog.ts'
import { mockState } from '../state.ts'

const HOOK = { url: 'https://hooks.example.com/receive/1', secret: 's3cret' }

function call(url: string, token: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('authorization', `Bearer ${token}`)
  return fetch(url, { ...init, headers })
}

function postJson(url: string, token: string, body: unknown): Promise<Response> {
  return call(url, token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

describe('GitHub: a read-only demo token', () => {
  const HOOKS = 'https://api.github.com/repos/octo-demo/git-connector/hooks'
  const createBody = { name: 'web', config: { url: HOOK.url, content_type: 'json' } }

  it('is a classic token without hook scopes that still reads', async () => {
    const user = await call('https://api.github.com/user', 'ghp_demo_read-only')
    expect(user.status).toBe(200)
    expect(user.headers.get('x-oauth-scopes')).toBe('read:org, read:user, user:email')
    const repo = await call(
      'https://api.github.com/repos/octo-demo/git-connector',
      'ghp_demo_read-only',
    )
    expect(repo.status).toBe(200)
    // The rule is case-insensitive and the usual demo token is unchanged.
    const loud = await call('https://api.github.com/user', 'ghp_READ-ONLY')
    expect(loud.headers.get('x-oauth-scopes')).toBe('read:org, read:user, user:email')
    const usual = await call('https://api.github.com/user', 'ghp_demo')
    expect(usual.headers.get('x-oauth-scopes')).toBe('repo, read:user, user:email')
  })

  it('gets 404 Not Found on the hooks, naming the classic scopes GitHub accepts', async () => {
    const create = await postJson(HOOKS, 'ghp_demo_read-only', createBody)
    expect(create.status).toBe(404)
    expect(await create.json()).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/repos/webhooks#create-a-repository-webhook',
      status: '404',
    })
    const repo = findDemoRepository('github', 'octo-demo', 'git-connector')
    const publicRepo = repo?.private === false ? 'public_repo, ' : ''
    expect(create.headers.get('x-accepted-oauth-scopes')).toBe(
      `admin:repo_hook, ${publicRepo}repo, write:repo_hook`,
    )
    expect(create.headers.get('access-control-expose-headers')).toMatch(/X-Accepted-OAuth-Scopes/)

    const list = await call(HOOKS, 'ghp_demo_read-only')
    expect(list.status).toBe(404)
    expect(list.headers.get('x-accepted-oauth-scopes')).toBe(
      `admin:repo_hook, ${publicRepo}read:repo_hook, repo, write:repo_hook`,
    )
    expect(mockState.webhooks.size).toBe(0)
  })

  it('gets 403 as a fine-grained token, naming the permission', async () => {
    const create = await postJson(HOOKS, 'github_pat_read-only', createBody)
    expect(create.status).toBe(403)
    expect(await create.json()).toEqual({
      message: 'Resource not accessible by personal access token',
      documentation_url: 'https://docs.github.com/rest/repos/webhooks#create-a-repository-webhook',
      status: '403',
    })
    expect(create.headers.get('x-accepted-github-permissions')).toBe('repository_hooks=write')
    // GitHub sends no classic-scope headers to fine-grained tokens.
    expect(create.headers.has('x-oauth-scopes')).toBe(false)
    expect(create.headers.has('x-accepted-oauth-scopes')).toBe(false)
    const list = await call(HOOKS, 'github_pat_read-only')
    expect(list.headers.get('x-accepted-github-permissions')).toBe('repository_hooks=read')
    // A repository it cannot see stays a 404.
    const missing = await call(
      'https://api.github.com/repos/octo-demo/no-such-repo/hooks',
      'github_pat_read-only',
    )
    expect(missing.status).toBe(404)
  })
})

describe('GitLab: a read-only demo token', () => {
  const repo = findDemoRepository('gitlab', 'platform', 'deploy-pipeline')!
  const HOOKS = `https://gitlab.com/api/v4/projects/${repo.id}/hooks`
  const SAMPLE = { id: String(repo.id), fullName: 'platform/deploy-pipeline' }
  const DOTCOM: ProviderTarget = { type: 'gitlab' }

  it('reports read_api and read_user, and may list hooks', async () => {
    const self = await call(
      'https://gitlab.com/api/v4/personal_access_tokens/self',
      'glpat-read-only',
    )
    expect(((await self.json()) as { scopes: string[] }).scopes).toEqual(['read_api', 'read_user'])
    expect((await call(HOOKS, 'glpat-read-only')).status).toBe(200)
  })

  it('gets GitLab’s insufficient_scope 403 on a hook write', async () => {
    const create = await postJson(HOOKS, 'glpat-read-only', { url: HOOK.url })
    expect(create.status).toBe(403)
    expect(await create.json()).toEqual({
      error: 'insufficient_scope',
      error_description:
        'The request requires higher privileges than provided by the access token.',
      scope: 'api',
    })
    expect(create.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/)
    const remove = await call(`${HOOKS}/1`, 'glpat-read-only', { method: 'DELETE' })
    expect(remove.status).toBe(403)
    expect(mockState.webhooks.size).toBe(0)
  })

  it('reaches the adapter as `forbidden` with GitLab’s words', async () => {
    const provider = createGitLabProvider(DOTCOM, { token: 'glpat-read-only' })
    const verified = await provider.verify()
    expect(verified.scopes).toEqual(['read_api', 'read_user'])
    expect(verified.notices.join(' ')).toMatch(/no api scope/)
    expect(await provider.listWebhooks(SAMPLE)).toEqual([])
    const error = await providerFailure(provider.createWebhook(SAMPLE, HOOK))
    expect(error).toMatchObject({ kind: 'forbidden', status: 403, subject: 'token' })
    expect(error.providerMessage).toContain(
      'The request requires higher privileges than provided by the access token.',
    )
  })
})

describe('Bitbucket: a read-only demo token', () => {
  const HOOKS = `${BITBUCKET_API}/repositories/tidewater-labs/tide-api/hooks`
  const SAMPLE = { id: 'tidewater-labs/tide-api', fullName: 'tidewater-labs/tide-api' }
  const apiToken: ProviderTarget = {
    type: 'bitbucket',
    credentialKind: 'api-token',
    email: 'bea@example.com',
  }
  const accessToken: ProviderTarget = {
    type: 'bitbucket',
    credentialKind: 'access-token',
    workspace: 'tidewater-labs',
  }
  const basic = (token: string) => `Basic ${btoa(`bea@example.com:${token}`)}`

  it('as an API token: may list hooks, not create them, in Bitbucket’s error shape', async () => {
    const auth = { authorization: basic('ATATT-read-only') }
    const list = await fetch(HOOKS, { headers: auth })
    expect(list.status).toBe(200)
    const create = await fetch(HOOKS, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ url: HOOK.url, events: ['repo:push'] }),
    })
    expect(create.status).toBe(403)
    expect(await create.json()).toEqual({
      type: 'error',
      error: {
        message: 'Your credentials lack one or more required privilege scopes.',
        detail: {
          granted: [
            'read:user:bitbucket',
            'read:workspace:bitbucket',
            'read:repository:bitbucket',
            'read:webhook:bitbucket',
          ],
          required: ['write:webhook:bitbucket'],
        },
      },
    })
    const remove = await fetch(`${HOOKS}/%7Babc%7D`, { method: 'DELETE', headers: auth })
    expect(remove.status).toBe(403)
    expect(mockState.webhooks.size).toBe(0)
  })

  it('reaches the adapter as `forbidden` with the required scope', async () => {
    const byApiToken = createBitbucketProvider(apiToken, { token: 'ATATT-read-only' })
    const error = await providerFailure(byApiToken.createWebhook(SAMPLE, HOOK))
    expect(error).toMatchObject({
      kind: 'forbidden',
      status: 403,
      providerMessage:
        'Your credentials lack one or more required privilege scopes. Required: write:webhook:bitbucket.',
    })
    // An access token without `webhook` cannot even list them.
    const byAccessToken = createBitbucketProvider(accessToken, { token: 'ATCTT-read-only' })
    expect(await providerFailure(byAccessToken.listWebhooks(SAMPLE))).toMatchObject({
      kind: 'forbidden',
      providerMessage:
        'Your credentials lack one or more required privilege scopes. Required: webhook.',
    })
    // It still reads.
    const branches = await byAccessToken.listBranches(SAMPLE, {})
    expect(branches.items.length).toBeGreaterThan(0)
  })
})
