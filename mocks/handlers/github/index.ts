/**
 * Simulated GitHub REST API for Vitest and the demo mode: api.github.com and any GitHub Enterprise
 * Server host (under /api/v3). Any token works except `revoked`; payloads and headers follow
 * https://docs.github.com/en/rest (users, emails, repositories, search, branches, commits, tags,
 * releases, webhooks, rate limits, conditional requests, CORS), with the repositories and their
 * history from the shared catalog (mocks/data/catalog.ts).
 */
import type { RequestHandler } from 'msw'
import { accountHandlers } from './account.ts'
import { commitHandlers } from './commits.ts'
import { branchHandlers, releaseHandlers, tagHandlers } from './refs.ts'
import { repositoryHandlers } from './repositories.ts'
import { webhookHandlers } from './webhooks.ts'

/** MSW answers with the first handler that matches, so this order is part of the behaviour. */
export const githubHandlers: RequestHandler[] = [
  ...accountHandlers,
  ...repositoryHandlers,
  ...branchHandlers,
  ...commitHandlers,
  ...tagHandlers,
  ...releaseHandlers,
  ...webhookHandlers,
]
