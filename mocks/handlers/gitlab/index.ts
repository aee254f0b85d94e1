/**
 * Simulated GitLab REST API (v4) for Vitest and the demo mode: gitlab.com and any self-managed
 * host, which all serve the API under /api/v4. Any token works except `revoked`. Payloads and
 * pagination headers follow https://docs.gitlab.com/api/ (users, personal_access_tokens, groups,
 * projects, branches, commits, tags, releases, project_webhooks, rest/#pagination).
 */
import type { RequestHandler } from 'msw'
import { accountHandlers } from './account.ts'
import { commitHandlers } from './commits.ts'
import { projectHandlers } from './projects.ts'
import { branchHandlers, tagHandlers } from './refs.ts'
import { releaseHandlers } from './releases.ts'
import { webhookHandlers } from './webhooks.ts'

/** MSW answers with the first handler that matches, so this order is part of the behaviour. */
export const gitlabHandlers: RequestHandler[] = [
  ...accountHandlers,
  ...projectHandlers,
  ...branchHandlers,
  ...commitHandlers,
  ...tagHandlers,
  ...releaseHandlers,
  ...webhookHandlers,
]
