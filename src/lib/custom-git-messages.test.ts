/**
 * Every cause the Custom Git adapter tells apart reaches the sentence the person reads: the
 * adapter's errors (through MSW-simulated remotes and proxies) run through the same
 * describeProviderError the form and the pages use.
 */
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { pktLine } from '@mocks/handlers/custom-git.ts'
import { server } from '@mocks/node'
import { ProviderError, type ProviderErrorKind } from '@/providers/errors.ts'
import type { ProviderTarget } from '@/providers/types.ts'
import { providerFailure } from '../../tests/utils/provider-test-kit.ts'
import { describeProviderError } from './provider-error-message.ts'
import { providerFor } from './provider-for-connection.ts'

type CustomGitTarget = Extract<ProviderTarget, { type: 'custom-git' }>

const repo: CustomGitTarget = {
  type: 'custom-git',
  repositoryUrl: 'https://git.example.com/team/app.git',
  branch: 'develop',
}
const proxied: CustomGitTarget = { ...repo, corsProxyUrl: 'https://proxy.example.com' }

async function sentence(target: CustomGitTarget, token = 'a-token-of-the-remote') {
  const error = await providerFailure((await providerFor(target, { token })).verify())
  return describeProviderError(error, target)
}

describe('Custom Git causes, as the person reads them', () => {
  it('names the missing branch and the branches there are', async () => {
    expect(await sentence({ ...repo, branch: 'nope' })).toMatch(
      /^There is no branch “nope”\. Branches: main, .*\.$/,
    )
  })

  it('says an empty repository has no branches yet, whatever branch was asked for', async () => {
    // What `git http-backend` advertises for a repository with no commits: no HEAD, no refs.
    const empty =
      pktLine('# service=git-upload-pack\n') +
      '0000' +
      pktLine(`${'0'.repeat(40)} capabilities^{}\0multi_ack side-band-64k ofs-delta\n`) +
      '0000'
    server.use(
      http.get(
        'https://git.example.com/team/app.git/info/refs',
        () =>
          new HttpResponse(empty, {
            headers: { 'Content-Type': 'application/x-git-upload-pack-advertisement' },
          }),
      ),
    )
    for (const branch of ['develop', '']) {
      expect(await sentence({ ...repo, branch })).toMatch(/^The repository has no branches yet/)
    }
  })

  it('asks for credentials when none were given, and blames them only when some were', async () => {
    const locked = { ...repo, repositoryUrl: 'https://git.example.com/team/private.git' }
    const anonymous = await sentence(locked, '')
    expect(anonymous).toMatch(/^This repository needs credentials/)
    expect(anonymous).not.toMatch(/refused these credentials/)
    expect(await sentence(repo, 'revoked')).toMatch(/^The git remote refused these credentials/)
  })

  it('says the proxy is not answering, instead of asking for a proxy that is set', async () => {
    server.use(http.get('https://proxy.example.com/*', () => HttpResponse.error()))
    const text = await sentence(proxied)
    expect(text).toMatch(/^The CORS proxy at proxy\.example\.com is not answering/)
    expect(text).not.toMatch(/add a CORS proxy/i)
  })

  it('asks for a proxy when a remote without one cannot be read', async () => {
    server.use(http.get('https://git.example.com/*', () => HttpResponse.error()))
    expect(await sentence(repo)).toMatch(/add a CORS proxy/)
  })

  it('lays a 502 from the proxy on the proxy or the remote behind it, not on waiting', async () => {
    // @isomorphic-git/cors-proxy answers an empty 502 when it cannot fetch the remote (index.js).
    server.use(
      http.get('https://proxy.example.com/*', () => new HttpResponse(null, { status: 502 })),
    )
    const text = await sentence(proxied)
    expect(text).toBe(
      'The CORS proxy at proxy.example.com is up, but could not get an answer from the remote behind it (502). Check the repository URL, and that git.example.com is up and reachable from the proxy.',
    )
    expect(text).not.toMatch(/try again in a few minutes/i)
  })

  it('never doubles an article in a sentence about the git remote', () => {
    const kinds: ProviderErrorKind[] = [
      'unauthorized',
      'forbidden',
      'not-found',
      'invalid-request',
      'rate-limited',
      'network',
      'unsupported',
      'invalid-response',
      'server',
    ]
    for (const kind of kinds) {
      const error = new ProviderError(kind, 'x', { status: 500, providerMessage: 'Nope' })
      const text = describeProviderError(error, repo)
      expect(text).not.toMatch(/\bthe the\b/i)
      expect(text).toMatch(/^[A-Z]/)
    }
  })
})
