/** Repository lists: the user's, an organization's and another user's. */
import { demoRepositories, type DemoRepository } from '../../data/catalog.ts'
import { githubDemoOrgs, githubDemoUser } from '../../data/github.ts'
import { hostileRepositories } from '../../data/hostile.ts'
import { failure, notFound, type Context } from './context.ts'
import { jsonWithEtag } from './etag.ts'
import { paginate } from './pagination.ts'
import { repoPayload } from './payloads.ts'

const sortedCache = new Map<string, DemoRepository[]>()

/** Repositories sorted the way GitHub's `sort`/`direction` parameters ask, memoized per view. */
function sortedRepositories(
  key: string,
  select: (repo: DemoRepository) => boolean,
  sort: string,
  direction: string | null,
): DemoRepository[] {
  const descending = direction ? direction === 'desc' : sort !== 'full_name'
  const cacheKey = `${key}|${sort}|${descending ? 'desc' : 'asc'}`
  const cached = sortedCache.get(cacheKey)
  if (cached) return cached
  const chosen = demoRepositories('github').filter(select)
  const field = (repo: DemoRepository) =>
    sort === 'full_name'
      ? `${repo.owner}/${repo.name}`.toLowerCase()
      : sort === 'created'
        ? repo.createdAt
        : repo.updatedAt
  const sorted = [...chosen].sort((a, b) => {
    const order = field(a) < field(b) ? -1 : field(a) > field(b) ? 1 : a.id - b.id
    return descending ? -order : order
  })
  sortedCache.set(cacheKey, sorted)
  return sorted
}

export function isOrg(login: string): boolean {
  return githubDemoOrgs.some((org) => org.login.toLowerCase() === login.toLowerCase())
}

function repositoryList(context: Context, repos: DemoRepository[]): Response {
  const { slice, link } = paginate(context.request, repos)
  return jsonWithEtag(
    context,
    slice.map((repo) => repoPayload(context.site, repo)),
    { link },
  )
}

/** https://docs.github.com/en/rest/repos/repos#list-repositories-for-the-authenticated-user */
export function listOwnRepositories(context: Context): Response {
  // A hostile host lists its hostile repositories only, whatever the filters.
  if (context.site.hostile) return repositoryList(context, hostileRepositories)
  const query = new URL(context.request.url).searchParams
  const type = query.get('type')
  const visibility = query.get('visibility') ?? 'all'
  const affiliationParam = query.get('affiliation')
  if (type && (affiliationParam || query.has('visibility'))) {
    return failure(
      context,
      422,
      'If you specify visibility or affiliation, you cannot specify type.',
      'repos/repos#list-repositories-for-the-authenticated-user',
    )
  }
  const byType: Record<string, string> = {
    all: 'owner,collaborator,organization_member',
    owner: 'owner',
    member: 'collaborator,organization_member',
    public: 'owner,collaborator,organization_member',
    private: 'owner,collaborator,organization_member',
  }
  const affiliation = new Set(
    (affiliationParam ?? byType[type ?? 'all'] ?? byType.all!).split(',').map((a) => a.trim()),
  )
  const wanted = type === 'public' || type === 'private' ? type : visibility
  const select = (repo: DemoRepository) => {
    const mine = repo.owner === githubDemoUser.login
    const reached =
      (mine && affiliation.has('owner')) || (!mine && affiliation.has('organization_member'))
    if (!reached) return false
    return wanted === 'all' || (wanted === 'private') === repo.private
  }
  const sort = query.get('sort') ?? 'full_name'
  const key = `user|${[...affiliation].sort().join(',')}|${wanted}`
  return repositoryList(context, sortedRepositories(key, select, sort, query.get('direction')))
}

/** https://docs.github.com/en/rest/repos/repos#list-organization-repositories */
export function listOrgRepositories(context: Context): Response {
  const org = githubDemoOrgs.find(
    (o) => o.login.toLowerCase() === context.params.org?.toLowerCase(),
  )
  if (!org) return notFound(context, 'repos/repos#list-organization-repositories')
  const query = new URL(context.request.url).searchParams
  const type = query.get('type') ?? 'all'
  const select = (repo: DemoRepository) => {
    if (repo.owner !== org.login) return false
    if (type === 'public') return !repo.private
    if (type === 'private') return repo.private
    if (type === 'forks') return repo.fork
    if (type === 'sources') return !repo.fork
    return true
  }
  const sort = query.get('sort') ?? 'created'
  return repositoryList(
    context,
    sortedRepositories(`org|${org.login}|${type}`, select, sort, query.get('direction')),
  )
}

/** https://docs.github.com/en/rest/repos/repos#list-repositories-for-a-user: public ones only. */
export function listUserRepositories(context: Context): Response {
  const login = context.params.username?.toLowerCase() ?? ''
  const owner =
    login === githubDemoUser.login
      ? githubDemoUser.login
      : githubDemoOrgs.find((o) => o.login === login)?.login
  if (!owner) return notFound(context, 'repos/repos#list-repositories-for-a-user')
  const query = new URL(context.request.url).searchParams
  const type = query.get('type') ?? 'owner'
  // The account is a member of no one else's repositories in the demo.
  const select = (repo: DemoRepository) =>
    repo.owner === owner && !repo.private && type !== 'member'
  const sort = query.get('sort') ?? 'full_name'
  return repositoryList(
    context,
    sortedRepositories(`users|${owner}|${type}`, select, sort, query.get('direction')),
  )
}
