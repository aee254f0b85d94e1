/**
 * The Bitbucket Cloud adapter (`https://api.bitbucket.org/2.0`): verify plus the per-area modules,
 * composed over one context so that workspace and repository lookups are shared between calls.
 */
import { ProviderError } from '../errors.ts'
import type { Capabilities, GitProviderFactory } from '../types.ts'
import { unsupported } from '../unsupported.ts'
import { listCommits } from './commits.ts'
import { createBitbucketContext } from './context.ts'
import { listBranches, listTags } from './refs.ts'
import { listRepositories } from './repositories.ts'
import { verifyBitbucket } from './verify.ts'
import { createWebhook, deleteWebhook, listWebhooks } from './webhooks.ts'
import { listWorkspaces } from './workspaces.ts'

export const BITBUCKET_CAPABILITIES: Capabilities = {
  repositories: true,
  branches: true,
  commits: true,
  tags: true,
  // Bitbucket has no releases: tags are all there is.
  releases: false,
  webhooks: true,
  // Bitbucket shows a webhook's request history in its web UI only; the REST API has no endpoint.
  webhookDeliveries: false,
}

export const createBitbucketProvider: GitProviderFactory = (target, credentials) => {
  if (target.type !== 'bitbucket') {
    throw new ProviderError(
      'unsupported',
      `The Bitbucket adapter cannot serve a ${target.type} connection.`,
    )
  }
  const context = createBitbucketContext(target, credentials.token)
  return {
    type: 'bitbucket',
    capabilities: BITBUCKET_CAPABILITIES,
    verify: (signal) => verifyBitbucket(context, signal),
    listOwners: (signal) => listWorkspaces(context, signal),
    listRepositories: (query) => listRepositories(context, query),
    listBranches: (repo, query) => listBranches(context, repo, query),
    listCommits: (repo, query) => listCommits(context, repo, query),
    listTags: (repo, query) => listTags(context, repo, query),
    listReleases: () => Promise.reject(unsupported('bitbucket', 'list releases')),
    listWebhooks: (repo, signal) => listWebhooks(context, repo, signal),
    createWebhook: (repo, input, signal) => createWebhook(context, repo, input, signal),
    deleteWebhook: (repo, id, signal) => deleteWebhook(context, repo, id, signal),
    listWebhookDeliveries: () =>
      Promise.reject(unsupported('bitbucket', 'list webhook deliveries')),
  }
}
