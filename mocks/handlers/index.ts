import type { RequestHandler } from 'msw'
import { azureDevOpsHandlers } from './azure-devops.ts'
import { bitbucketHandlers } from './bitbucket.ts'
import { customGitHandlers } from './custom-git.ts'
import { githubHandlers } from './github.ts'
import { gitlabHandlers } from './gitlab.ts'
import { unreachableHandlers } from './unreachable.ts'

/** Every simulated provider, joined. Each provider's handlers live in their own file. */
export const handlers: RequestHandler[] = [
  ...unreachableHandlers,
  ...githubHandlers,
  ...gitlabHandlers,
  ...bitbucketHandlers,
  ...azureDevOpsHandlers,
  ...customGitHandlers,
]
