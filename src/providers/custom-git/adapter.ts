/**
 * The Custom Git adapter: any smart-HTTP remote, reached with isomorphic-git (through the CORS
 * proxy when the connection has one). A remote has refs and nothing else a browser can read
 * cheaply: branches and tags work; repositories, commits (they need object data), releases and
 * webhooks do not exist here and fail with `unsupported`.
 */
import { ProviderError } from '../errors.ts'
import type { Capabilities, GitProviderFactory } from '../types.ts'
import { unsupported } from '../unsupported.ts'
import { listBranches, listTags } from './listing.ts'
import { verifyCustomGit } from './verify.ts'

export const CUSTOM_GIT_CAPABILITIES: Capabilities = {
  repositories: false,
  branches: true,
  commits: false,
  tags: true,
  releases: false,
  webhooks: false,
  webhookDeliveries: false,
}

export const createCustomGitProvider: GitProviderFactory = (target, credentials) => {
  if (target.type !== 'custom-git') {
    throw new ProviderError(
      'unsupported',
      `The Custom Git adapter cannot serve a ${target.type} connection.`,
    )
  }
  const { token } = credentials
  const refuse = (what: string) => Promise.reject(unsupported('custom-git', what))
  return {
    type: 'custom-git',
    capabilities: CUSTOM_GIT_CAPABILITIES,
    verify: (signal) => verifyCustomGit(target, token, signal),
    listOwners: () => refuse('list owners'),
    listRepositories: () => refuse('list repositories'),
    // The connection is one repository: the RepoRef argument is not consulted (see listing.ts).
    listBranches: (_repo, query) => listBranches(target, token, query),
    listCommits: () => refuse('list commits'),
    listTags: (_repo, query) => listTags(target, token, query),
    listReleases: () => refuse('list releases'),
    listWebhooks: () => refuse('manage webhooks'),
    createWebhook: () => refuse('manage webhooks'),
    deleteWebhook: () => refuse('manage webhooks'),
    listWebhookDeliveries: () => refuse('list webhook deliveries'),
  }
}
