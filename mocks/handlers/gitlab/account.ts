/** The current user, the token in use and the user's groups. */
import { http, type RequestHandler } from 'msw'
import {
  gitlabDemoGroups,
  gitlabDemoToken,
  gitlabDemoUser,
  gitlabNoreplyEmail,
} from '../../data/gitlab.ts'
import {
  API,
  authenticated,
  flag,
  isReadOnlyToken,
  json,
  READ_ONLY_SCOPES,
  webRoot,
} from './context.ts'
import { groupPayload } from './groups.ts'
import { pageOf } from './pagination.ts'

function dateFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

function userPayload(request: Request) {
  const url = new URL(request.url)
  const web = webRoot(url)
  return {
    ...gitlabDemoUser,
    web_url: `${web}/${gitlabDemoUser.username}`,
    commit_email: gitlabNoreplyEmail(url.hostname),
  }
}

export const accountHandlers: RequestHandler[] = [
  // https://docs.gitlab.com/api/users/#get-the-current-user
  http.get(
    `${API}/user`,
    authenticated(({ request }) => json(request, userPayload(request))),
  ),
  // https://docs.gitlab.com/api/personal_access_tokens/#get-details-on-a-personal-access-token
  http.get(
    `${API}/personal_access_tokens/self`,
    authenticated(({ request, token }) =>
      json(request, {
        ...gitlabDemoToken,
        ...(isReadOnlyToken(token) ? { scopes: READ_ONLY_SCOPES } : {}),
        last_used_at: new Date().toISOString(),
        // About a year from now; GitLab stores a date, and the token dies at midnight UTC.
        expires_at: dateFromNow(365),
      }),
    ),
  ),

  // https://docs.gitlab.com/api/groups/#list-groups
  http.get(
    `${API}/groups`,
    authenticated(({ request, url }) => {
      const minAccess = Number(url.searchParams.get('min_access_level') ?? 0)
      const search = url.searchParams.get('search')?.toLowerCase()
      const topLevel = flag(url, 'top_level_only') === true
      const groups = gitlabDemoGroups.filter(
        (group) =>
          group.access_level >= minAccess &&
          (!topLevel || group.parent_id === null) &&
          (!search || group.name.toLowerCase().includes(search) || group.path.includes(search)),
      )
      return pageOf(request, url, groups, (group) => groupPayload(group, webRoot(url)))
    }),
  ),
]
