/**
 * The GitProvider for GitHub (github.com) and GitHub Enterprise Server (`https://host/api/v3`),
 * built on @octokit/rest. One adapter per connection and token: its ETag cache and what it learnt
 * about the account (owners for search) belong to that token only.
 */
import { ProviderError } from '../errors.ts'
import type { Capabilities, GitProvider, GitProviderFactory } from '../types.ts'
import type { GitHubTarget } from './client.ts'
import { listGitHubCommits } from './commits.ts'
import { createRefApi } from './refs.ts'
import { createRepositoryApi } from './repositories.ts'
import { createGitHubSession } from './session.ts'
import { createVerify } from './verify.ts'
import { createWebhookApi } from './webhooks.ts'

export const GITHUB_CAPABILITIES: Capabilities = {
  repositories: true,
  branches: true,
  commits: true,
  tags: true,
  releases: true,
  webhooks: true,
  webhookDeliveries: true,
}

export const createGitHubProvider: GitProviderFactory = (target, credentials) => {
  if (target.type !== 'github' && target.type !== 'github-enterprise') {
    throw new ProviderError('unsupported', `The GitHub adapter cannot handle ${target.type}.`)
  }
  const githubTarget: GitHubTarget = target
  const session = createGitHubSession(githubTarget, credentials.token)
  const repositories = createRepositoryApi(session)
  const refs = createRefApi(session, repositories)
  const webhooks = createWebhookApi(session, repositories)

  const provider: GitProvider = {
    type: githubTarget.type,
    capabilities: { ...GITHUB_CAPABILITIES },
    verify: createVerify(session),
    listOwners: (signal) => repositories.listOwners(signal),
    listRepositories: (query) => repositories.listRepositories(query),
    listBranches: (repo, query) => refs.listBranches(repo, query),
    listCommits: (repo, query) => listGitHubCommits(session, repo, query),
    listTags: (repo, query) => refs.listTags(repo, query),
    listReleases: (repo, query) => refs.listReleases(repo, query),
    listWebhooks: (repo, signal) => webhooks.listWebhooks(repo, signal),
    createWebhook: (repo, input, signal) => webhooks.createWebhook(repo, input, signal),
    deleteWebhook: (repo, id, signal) => webhooks.deleteWebhook(repo, id, signal),
    listWebhookDeliveries: (repo, id, query) => webhooks.listWebhookDeliveries(repo, id, query),
  }
  return provider
}
