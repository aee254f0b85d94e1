/**
 * The GitProvider for GitLab.com and self-managed GitLab (REST API v4 under `/api/v4`), one file
 * per area: verify, repositories, branches, commits, releases (and tags), webhooks.
 */
import { ProviderError } from '../errors.ts'
import type { Capabilities, GitProvider, GitProviderFactory } from '../types.ts'
import { accountCache } from './account.ts'
import { listBranches } from './branches.ts'
import { gitlabApi } from './client.ts'
import { listCommits } from './commits.ts'
import { listReleases, listTags } from './releases.ts'
import { listOwners, listRepositories } from './repositories.ts'
import { verifyGitLab } from './verify.ts'
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks } from './webhooks.ts'

export const gitlabCapabilities: Capabilities = {
  repositories: true,
  branches: true,
  commits: true,
  tags: true,
  releases: true,
  webhooks: true,
  webhookDeliveries: true,
}

export const createGitLabProvider: GitProviderFactory = (target, credentials): GitProvider => {
  if (target.type !== 'gitlab' && target.type !== 'gitlab-self-managed') {
    throw new ProviderError('unsupported', `The GitLab adapter cannot handle ${target.type}.`)
  }
  const api = gitlabApi(target, credentials.token)
  const account = accountCache(api)

  return {
    type: target.type,
    capabilities: gitlabCapabilities,
    verify: (signal) => verifyGitLab(api, signal, account.remember),
    listOwners: (signal) => listOwners(api, account, signal),
    listRepositories: (query) => listRepositories(api, account, query),
    listBranches: (repo, query) => listBranches(api, repo, query),
    listCommits: (repo, query) => listCommits(api, repo, query),
    listTags: (repo, query) => listTags(api, repo, query),
    listReleases: (repo, query) => listReleases(api, repo, query),
    listWebhooks: (repo, signal) => listWebhooks(api, repo, signal),
    createWebhook: (repo, input, signal) => createWebhook(api, repo, input, signal),
    deleteWebhook: (repo, id, signal) => deleteWebhook(api, repo, id, signal),
    listWebhookDeliveries: (repo, id, query) => listWebhookDeliveries(api, repo, id, query),
  }
}
