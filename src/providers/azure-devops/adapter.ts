/**
 * The Azure DevOps adapter, for Services (`https://dev.azure.com/{organization}`) and Server (a
 * collection URL): verify plus the per-area modules over one context, which keeps the REST API
 * version and repository lookups between calls.
 */
import { ProviderError } from '../errors.ts'
import type { Capabilities, GitProviderFactory } from '../types.ts'
import { unsupported } from '../unsupported.ts'
import { listCommits } from './commits.ts'
import { createAzureContext } from './context.ts'
import { listProjects } from './projects.ts'
import { listBranches, listTags } from './refs.ts'
import { listRepositories } from './repositories.ts'
import { verifyAzure } from './verify.ts'
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks } from './webhooks.ts'

export const AZURE_DEVOPS_CAPABILITIES: Capabilities = {
  repositories: true,
  branches: true,
  commits: true,
  tags: true,
  // Azure Repos have no releases; Azure Pipelines "releases" are deployments, not this.
  releases: false,
  webhooks: true,
  webhookDeliveries: true,
}

export const createAzureDevOpsProvider: GitProviderFactory = (target, credentials, hints) => {
  if (target.type !== 'azure-devops' && target.type !== 'azure-devops-server') {
    throw new ProviderError(
      'unsupported',
      `The Azure DevOps adapter cannot serve a ${target.type} connection.`,
    )
  }
  const context = createAzureContext(target, credentials.token, hints?.apiVersion)
  return {
    type: target.type,
    capabilities: AZURE_DEVOPS_CAPABILITIES,
    verify: (signal) => verifyAzure(context, signal),
    listOwners: (signal) => listProjects(context, signal),
    listRepositories: (query) => listRepositories(context, query),
    listBranches: (repo, query) => listBranches(context, repo, query),
    listCommits: (repo, query) => listCommits(context, repo, query),
    listTags: (repo, query) => listTags(context, repo, query),
    listReleases: () => Promise.reject(unsupported(target.type, 'list releases')),
    listWebhooks: (repo, signal) => listWebhooks(context, repo, signal),
    createWebhook: (repo, input, signal) => createWebhook(context, repo, input, signal),
    deleteWebhook: (repo, id, signal) => deleteWebhook(context, repo, id, signal),
    listWebhookDeliveries: (repo, id, query) => listWebhookDeliveries(context, repo, id, query),
  }
}
