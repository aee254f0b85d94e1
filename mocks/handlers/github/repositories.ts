/** One repository by owner and name, and the routes that list, search and get repositories. */
import type { RequestHandler } from 'msw'
import { findDemoRepository, type DemoRepository } from '../../data/catalog.ts'
import { githubOwnerAccount } from '../../data/github.ts'
import { hostileRepositories } from '../../data/hostile.ts'
import { notFound, route, type Context } from './context.ts'
import { jsonWithEtag } from './etag.ts'
import { repoPayload, simpleUser } from './payloads.ts'
import {
  isOrg,
  listOrgRepositories,
  listOwnRepositories,
  listUserRepositories,
} from './repository-lists.ts'
import { searchRepositories } from './search.ts'

export function repositoryOf(context: Context): DemoRepository | undefined {
  if (context.site.hostile) {
    const { owner = '', repo = '' } = context.params
    const hostile = hostileRepositories.find(
      (candidate) =>
        candidate.owner.toLowerCase() === owner.toLowerCase() &&
        candidate.name.toLowerCase() === repo.toLowerCase(),
    )
    if (hostile) return hostile
  }
  return findDemoRepository('github', context.params.owner ?? '', context.params.repo ?? '')
}

/** Runs `respond` for a catalog repository; GitHub's 404 for anything else. */
export function withRepository(
  docs: string,
  respond: (context: Context, repo: DemoRepository) => Response,
): (context: Context) => Response {
  return (context) => {
    const repo = repositoryOf(context)
    return repo ? respond(context, repo) : notFound(context, docs)
  }
}

export function fullNameOf(repo: DemoRepository): string {
  return `${repo.owner}/${repo.name}`
}

export const repositoryHandlers: RequestHandler[] = [
  ...route('get', '/user/repos', listOwnRepositories),
  ...route('get', '/orgs/:org/repos', listOrgRepositories),
  ...route('get', '/users/:username/repos', listUserRepositories),
  ...route('get', '/search/repositories', searchRepositories),
  // https://docs.github.com/en/rest/repos/repos#get-a-repository
  ...route(
    'get',
    '/repos/:owner/:repo',
    withRepository('repos/repos#get-a-repository', (context, repo) => {
      const payload = repoPayload(context.site, repo)
      return jsonWithEtag(context, {
        ...payload,
        ...(isOrg(repo.owner)
          ? {
              organization: simpleUser(context.site, {
                login: repo.owner,
                ...githubOwnerAccount(repo.owner),
              }),
            }
          : {}),
        network_count: payload.forks_count,
        subscribers_count: payload.watchers_count % 40,
      })
    }),
  ),
]
