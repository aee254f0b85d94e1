/**
 * Simulated Azure DevOps Services (`https://dev.azure.com/{org}`) and Server (any other host; the
 * collection is the path before `/_apis`, or before `/{project}/_apis`). Any PAT works except
 * `revoked`. Every organization and collection holds the same demo projects and repositories;
 * service-hook subscriptions live in mocks/state.
 */
import type { RequestHandler } from 'msw'
import { commitHandlers } from './commits.ts'
import { connectionHandlers } from './connection.ts'
import { projectHandlers } from './projects.ts'
import { refHandlers } from './refs.ts'
import { repositoryHandlers } from './repositories.ts'
import { webhookHandlers } from './webhooks.ts'

/** MSW answers with the first handler that matches, so this order is part of the behaviour. */
export const azureDevOpsHandlers: RequestHandler[] = [
  ...connectionHandlers,
  ...projectHandlers,
  ...repositoryHandlers,
  ...refHandlers,
  ...commitHandlers,
  ...webhookHandlers,
]
