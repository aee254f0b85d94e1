import type { RequestHandler } from 'msw'
import { azureDevOpsHandlers } from './azure-devops/index.ts'
import { bitbucketHandlers } from './bitbucket/index.ts'
import { customGitHandlers } from './custom-git.ts'
import { demoControlHandlers } from './demo-control.ts'
import { demoDeploymentHandlers } from './demo-deployment.ts'
import { githubHandlers } from './github/index.ts'
import { oauthHandlers } from './oauth.ts'
import { gitlabHandlers } from './gitlab/index.ts'
import { unreachableHandlers } from './unreachable.ts'

/**
 * Every simulated provider, joined, and the demo's own endpoints (release control, build trigger,
 * webhook receiver, sign-in token endpoints). Each provider's handlers live in their own folder (or file).
 */
export const handlers: RequestHandler[] = [
  ...unreachableHandlers,
  ...githubHandlers,
  ...gitlabHandlers,
  ...bitbucketHandlers,
  ...azureDevOpsHandlers,
  ...customGitHandlers,
  ...demoControlHandlers,
  ...demoDeploymentHandlers,
  ...oauthHandlers,
]
