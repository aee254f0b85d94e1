/**
 * Simulated Bitbucket Cloud 2.0 API. Any token works except `revoked`. User API tokens must come
 * as `Basic email:token` (the email is the user name, research §3.2); access tokens as `Bearer`.
 * Access tokens are their own pseudo-user with no account scope, so user endpoints refuse them.
 * Repositories, refs and commits come from the shared demo catalog; webhooks live in mocks/state.
 */
import type { RequestHandler } from 'msw'
import { accountHandlers } from './account.ts'
import { commitHandlers } from './commits.ts'
import { refHandlers } from './refs.ts'
import { repositoryHandlers } from './repositories.ts'
import { webhookHandlers } from './webhooks.ts'

/** MSW answers with the first handler that matches, so this order is part of the behaviour. */
export const bitbucketHandlers: RequestHandler[] = [
  ...accountHandlers,
  ...repositoryHandlers,
  ...refHandlers,
  ...commitHandlers,
  ...webhookHandlers,
]
