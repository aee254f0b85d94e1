import { http, HttpResponse } from 'msw'
import { server } from '@mocks/node'
import {
  describeGitProviderContract,
  type CannedFailure,
} from '../../../tests/contract/git-provider.contract.ts'
import type { ProviderTarget } from '../types.ts'
import { GITHUB_CAPABILITIES, createGitHubProvider } from './adapter.ts'

const TOKEN = 'ghp_R4nd0mClassicTokenForTests0123456789'

/** Answers the next listRepositories call (GET /user/repos) with a canned failure. */
function failNextRepositoryList(apiUrl: string) {
  return (answer: CannedFailure) => {
    server.use(
      http.get(
        `${apiUrl}/user/repos`,
        () =>
          answer === 'network'
            ? HttpResponse.error()
            : HttpResponse.json(answer.body ?? null, {
                status: answer.status,
                headers: answer.headers ?? {},
              }),
        { once: true },
      ),
    )
  }
}

const sites: [string, ProviderTarget, string][] = [
  ['GitHub', { type: 'github' }, 'https://api.github.com'],
  [
    'GitHub Enterprise Server',
    { type: 'github-enterprise', baseUrl: 'https://git.example.com' },
    'https://git.example.com/api/v3',
  ],
]

for (const [name, target, apiUrl] of sites) {
  describeGitProviderContract({
    name,
    create: (token = TOKEN) => createGitHubProvider(target, { token }),
    capabilities: GITHUB_CAPABILITIES,
    sampleRepo: { id: 'octo-demo/git-connector', fullName: 'octo-demo/git-connector' },
    demoProvider: 'github',
    // The account's own repositories and both organizations' (octo-demo, acme-platform, acme-web).
    repositoryCount: 10_000,
    searchTerm: 'checkout',
    failing: {
      call: (provider, signal) => provider.listRepositories({ signal }),
      respond: failNextRepositoryList(apiUrl),
    },
  })
}
