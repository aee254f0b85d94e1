import { describe, expect, it } from 'vitest'
import type { ProviderTarget } from '@/providers/types.ts'
import { tokenMayFollow } from './token-origins.ts'

const ghes = (baseUrl: string): ProviderTarget => ({ type: 'github-enterprise', baseUrl })
const gitlab = (baseUrl: string): ProviderTarget => ({ type: 'gitlab-self-managed', baseUrl })
const git = (repositoryUrl: string, corsProxyUrl?: string): ProviderTarget => ({
  type: 'custom-git',
  repositoryUrl,
  branch: 'main',
  ...(corsProxyUrl ? { corsProxyUrl } : {}),
})

describe('where a kept token may go', () => {
  it.each([
    ['another host', ghes('https://ghes.example.com'), ghes('https://ghes.attacker.test')],
    ['http for https', ghes('https://ghes.example.com'), ghes('http://ghes.example.com')],
    [
      'another port',
      gitlab('https://gitlab.example.com'),
      gitlab('https://gitlab.example.com:8443'),
    ],
    [
      'another Azure DevOps Server',
      { type: 'azure-devops-server', collectionUrl: 'https://tfs.example.com/tfs/Default' },
      { type: 'azure-devops-server', collectionUrl: 'https://tfs.other.test/tfs/Default' },
    ],
    ['another remote', git('https://git.example.com/a.git'), git('https://git.other.test/a.git')],
    [
      'another remote behind the same proxy (the proxy passes the token on)',
      git('https://git.example.com/a.git', 'https://proxy.example.com'),
      git('https://git.other.test/a.git', 'https://proxy.example.com'),
    ],
    [
      'a proxy added',
      git('https://git.example.com/a.git'),
      git('https://git.example.com/a.git', 'https://proxy.example.com'),
    ],
    [
      'another proxy',
      git('https://git.example.com/a.git', 'https://proxy.example.com'),
      git('https://git.example.com/a.git', 'https://proxy.attacker.test'),
    ],
    ['another type', { type: 'github' }, ghes('https://ghes.example.com')],
  ] satisfies [string, ProviderTarget, ProviderTarget][])('not to %s', (_, before, after) => {
    expect(tokenMayFollow(after, before)).toBe(false)
  })

  it.each([
    [
      'a path on the same origin',
      gitlab('https://example.com/gitlab'),
      gitlab('https://example.com'),
    ],
    [
      'a differently written same origin',
      ghes('https://GHES.example.com:443'),
      ghes('https://ghes.example.com'),
    ],
    [
      'another repository on the same remote',
      git('https://git.example.com/team/a.git'),
      git('https://git.example.com/team/b.git'),
    ],
    [
      'a proxy dropped (the remote had the token through it)',
      git('https://git.example.com/a.git', 'https://proxy.example.com'),
      git('https://git.example.com/a.git'),
    ],
    [
      'another path on the same proxy',
      git('https://git.example.com/a.git', 'https://proxy.example.com/cors'),
      git('https://git.example.com/a.git', 'https://proxy.example.com/'),
    ],
    [
      'another Azure DevOps organization (dev.azure.com either way)',
      { type: 'azure-devops', organization: 'contoso' },
      { type: 'azure-devops', organization: 'fabrikam' },
    ],
  ] satisfies [string, ProviderTarget, ProviderTarget][])('to %s', (_, before, after) => {
    expect(tokenMayFollow(after, before)).toBe(true)
  })
})
