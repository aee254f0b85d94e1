/** A workspace's repositories, and one repository. */
import { http, HttpResponse, type RequestHandler } from 'msw'
import { BITBUCKET_API, bitbucketDemoRepositories } from '../../data/bitbucket.ts'
import {
  authenticate,
  authorizedRepository,
  findWorkspace,
  noWorkspace,
  REPO,
  scopeHeaders,
} from './context.ts'
import { nameFilter, paginate, sorted } from './listing.ts'
import { repository } from './payloads.ts'

export const repositoryHandlers: RequestHandler[] = [
  http.get(`${BITBUCKET_API}/repositories/:workspace`, ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const workspace = findWorkspace(params.workspace)
    if (!workspace) return noWorkspace(params.workspace)
    const filter = nameFilter(request)
    if (filter instanceof Response) return filter
    const repos = sorted(
      request,
      bitbucketDemoRepositories(workspace.slug).filter((repo) => filter(repo.name)),
      {
        updated_on: (repo) => repo.updatedAt,
        full_name: (repo) => `${repo.owner}/${repo.name}`,
        name: (repo) => repo.name,
      },
    )
    const values = repos.map((repo) => repository(workspace, repo))
    return HttpResponse.json(paginate(request, values), { headers: scopeHeaders(caller) })
  }),

  http.get(REPO, ({ request, params }) => {
    const found = authorizedRepository(request, params)
    if ('refused' in found) return found.refused
    return HttpResponse.json(repository(found.workspace, found.repo))
  }),
]
