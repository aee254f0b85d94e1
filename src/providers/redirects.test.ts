/**
 * GitHub and GitLab calls do not follow a redirect with the token: MSW answers a 301/302/307 that
 * points at another host, and no request reaches that host (in Node, where fetch would follow it
 * with the Authorization header on a same-scheme redirect unless told not to). GitHub documents
 * 301 for a renamed repository and 307 for PATCH/DELETE on one (the `moved_permanently` and
 * `temporary_redirect` responses of `/repos/{owner}/{repo}` in @octokit/openapi's
 * api.github.com.json; docs.github.com "Resources in the REST API", HTTP redirects). GitHub's
 * 304s still work: github.adapter.test.ts covers the ETag round trip.
 */
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { createGitHubProvider } from './github/adapter.ts'
import { createGitLabProvider } from './gitlab/adapter.ts'
import type { ProviderTarget } from './types.ts'
import { providerFailure, recordRequests } from '../../tests/utils/provider-test-kit.ts'

const TOKEN = 'ghp_RedirectCheck0123456789abcdefghijklmn'
const ELSEWHERE = 'https://collector.attacker.test'

/** The attacker's host answers anything, so a followed redirect would succeed there. */
function elsewhereAnswersAll() {
  server.use(http.all(`${ELSEWHERE}/*`, () => HttpResponse.json({ login: 'taken', id: 1 })))
  return recordRequests()
}

function sentElsewhere(requests: Request[]) {
  return requests.filter((request) => new URL(request.url).origin === ELSEWHERE)
}

describe.each([301, 302, 307] as const)('a %i to another host', (status) => {
  it('is not followed by GitHub, and says where it pointed', async () => {
    const ghes: ProviderTarget = { type: 'github-enterprise', baseUrl: 'https://ghes.example.com' }
    server.use(
      http.get('https://ghes.example.com/api/v3/user', () =>
        HttpResponse.redirect(`${ELSEWHERE}/api/v3/user`, status),
      ),
    )
    const requests = elsewhereAnswersAll()
    const failure = await providerFailure(createGitHubProvider(ghes, { token: TOKEN }).verify())
    expect(failure).toMatchObject({ kind: 'invalid-response', status, subject: 'base-url' })
    expect(failure.hint).toContain(`another host (${ELSEWHERE}); the token was not sent there`)
    expect(sentElsewhere(requests)).toEqual([])
  })

  it('is not followed by GitHub on a renamed repository either', async () => {
    server.use(
      http.get('https://api.github.com/repos/octo-demo/old-name/branches', () =>
        HttpResponse.redirect(`${ELSEWHERE}/repositories/1/branches`, status),
      ),
    )
    const requests = elsewhereAnswersAll()
    const provider = createGitHubProvider({ type: 'github' }, { token: TOKEN })
    const failure = await providerFailure(
      provider.listBranches({ id: 'octo-demo/old-name', fullName: 'octo-demo/old-name' }, {}),
    )
    expect(failure.kind).toBe('invalid-response')
    expect(failure.subject).toBeUndefined()
    expect(sentElsewhere(requests)).toEqual([])
  })

  it('is not followed by GitLab, and blames the self-managed address', async () => {
    const gitlab: ProviderTarget = {
      type: 'gitlab-self-managed',
      baseUrl: 'https://gitlab.example.com',
    }
    server.use(
      http.get('https://gitlab.example.com/api/v4/user', () =>
        HttpResponse.redirect(`${ELSEWHERE}/api/v4/user`, status),
      ),
    )
    const requests = elsewhereAnswersAll()
    const provider = createGitLabProvider(gitlab, { token: 'glpat-RedirectCheck01' })
    const failure = await providerFailure(provider.verify())
    expect(failure).toMatchObject({ kind: 'invalid-response', status, subject: 'base-url' })
    expect(failure.hint).toContain(`another host (${ELSEWHERE})`)
    expect(sentElsewhere(requests)).toEqual([])
  })
})
