/**
 * Owners and repositories.
 * https://docs.github.com/en/rest/repos/repos#list-repositories-for-the-authenticated-user
 * https://docs.github.com/en/rest/repos/repos#list-organization-repositories
 * https://docs.github.com/en/rest/search/search#search-repositories
 * https://docs.github.com/en/rest/orgs/orgs#list-organizations-for-the-authenticated-user
 */
import { skippedPart } from '../parse-items.ts'
import { isProviderError } from '../errors.ts'
import type { Owner, Page, RepoRef, Repository, RepositoryQuery } from '../types.ts'
import { toOrganizationOwner, toRepository, repoPath } from './mappers.ts'
import { collectPages, nextCursor, positionOf, type PagePosition } from './paging.ts'
import { parseGitHubUser } from './parse.ts'
import {
  GitHubOrgs,
  GitHubRepositories,
  type GitHubOrg,
  GitHubRepository,
  GitHubSearchResult,
  parserFor,
} from './schemas.ts'
import type { GitHubSession, Params, Resource } from './session.ts'

const repositoriesResource: Resource<GitHubRepositories> = {
  name: 'repositories',
  parse: parserFor(GitHubRepositories, 'a repository list'),
}
const searchResource: Resource<GitHubSearchResult> = {
  name: 'search',
  parse: parserFor(GitHubSearchResult, 'search results'),
}
const repositoryResource: Resource<GitHubRepository> = {
  name: 'repository',
  parse: parserFor(GitHubRepository, 'a repository'),
}
const orgsResource: Resource<GitHubOrgs> = {
  name: 'orgs',
  parse: parserFor(GitHubOrgs, 'an organization list'),
}
const userResource: Resource<Owner> = {
  name: 'user',
  parse: (data) => {
    const user = parseGitHubUser(data)
    return {
      id: String(user.id),
      name: user.login,
      displayName: user.name,
      kind: 'user',
      avatarUrl: user.avatarUrl,
    }
  },
}

/** GitHub rejects search queries longer than 256 characters (docs: "Limitations on query length"). */
const SEARCH_QUERY_LIMIT = 256

export interface RepositoryApi {
  listOwners(signal?: AbortSignal): Promise<Owner[]>
  listRepositories(query: RepositoryQuery): Promise<Page<Repository>>
  /** One repository (its default branch, the token's permissions on it). */
  readRepository(repo: RepoRef, signal?: AbortSignal): Promise<GitHubRepository>
}

export function createRepositoryApi(session: GitHubSession): RepositoryApi {
  /** The account and its organizations as last read: search needs them for its qualifiers. */
  let knownOwners: Owner[] | null = null

  async function listOwners(signal?: AbortSignal): Promise<Owner[]> {
    const [user, orgs] = await Promise.all([
      session.get('GET /user', {}, userResource, signal),
      readOrganizations(signal),
    ])
    knownOwners = [user, ...orgs.map(toOrganizationOwner)]
    return knownOwners
  }

  /**
   * `/user/orgs` lists the organizations the token may act in. A token that may not read them
   * (a fine-grained token without the organization permission) still lists the user's own
   * repositories, so a 403 here means "no organizations" rather than a failure.
   */
  async function readOrganizations(signal?: AbortSignal): Promise<GitHubOrg[]> {
    try {
      const { items } = await collectPages(async (position) => {
        const { value, link } = await session.getPage(
          'GET /user/orgs',
          { per_page: position.perPage, page: position.page },
          orgsResource,
          signal,
        )
        // An organization that cannot be read is not offered as an owner; the others are.
        return { value: value.items, link }
      })
      return items
    } catch (error) {
      if (isProviderError(error) && error.kind === 'forbidden') return []
      throw error
    }
  }

  async function owners(signal?: AbortSignal): Promise<Owner[]> {
    return knownOwners ?? (await listOwners(signal))
  }

  async function listRepositories(query: RepositoryQuery): Promise<Page<Repository>> {
    const { signal } = query
    const position = positionOf(query.cursor, query.pageSize)
    const search = query.search?.trim()
    if (search) return searchRepositories(search, query, position)
    const { route, params } = await listingFor(query.owner, signal)
    const { value, link } = await session.getPage(
      route,
      {
        ...params,
        // full_name sorts ascending, updated descending: GitHub's defaults for each.
        sort: query.sort === 'name' ? 'full_name' : 'updated',
        per_page: position.perPage,
        page: position.page,
      },
      repositoriesResource,
      signal,
    )
    return {
      items: value.items.map(toRepository),
      nextCursor: nextCursor(link, position),
      totalCount: null,
      ...skippedPart(value.skipped),
    }
  }

  /**
   * Where an owner's repositories are listed. The account itself: `/user/repos` narrowed to what
   * it owns (`/users/{login}/repos` would leave its private repositories out); an organization:
   * `/orgs/{org}/repos` (`type=all` includes the private ones the token can see); anyone else:
   * `/users/{login}/repos`, which GitHub limits to public repositories.
   */
  async function listingFor(
    owner: string | undefined,
    signal?: AbortSignal,
  ): Promise<{ route: string; params: Params }> {
    if (!owner) {
      return {
        route: 'GET /user/repos',
        params: { affiliation: 'owner,collaborator,organization_member' },
      }
    }
    const known = (await owners(signal)).find((o) => sameLogin(o.name, owner))
    if (known?.kind === 'user')
      return { route: 'GET /user/repos', params: { affiliation: 'owner' } }
    if (known?.kind === 'organization') {
      return { route: 'GET /orgs/{org}/repos', params: { org: known.name, type: 'all' } }
    }
    return { route: 'GET /users/{username}/repos', params: { username: owner, type: 'owner' } }
  }

  /**
   * Server-side search, scoped to the account and its organizations with `user:`/`org:`
   * qualifiers (GitHub would otherwise search every public repository). `fork:true` keeps forks,
   * which search leaves out by default. Two limits worth knowing: search has its own rate bucket
   * (30 requests a minute, `x-ratelimit-resource: search`), and it returns at most the first 1,000
   * results (`total_count` still says how many matched; GitHub's Link header stops at 1,000).
   * GitHub matches whole words of the name (`conn` does not find `git-connector`), unlike a
   * substring filter.
   */
  async function searchRepositories(
    term: string,
    query: RepositoryQuery,
    position: PagePosition,
  ): Promise<Page<Repository>> {
    const { signal } = query
    const accounts = await owners(signal)
    const scope = query.owner
      ? [qualifierFor(query.owner, accounts)]
      : accounts.map((owner) => qualifierFor(owner.name, accounts))
    const { value, link } = await session.getPage(
      'GET /search/repositories',
      {
        q: searchQuery(term, scope),
        // Search has no name order: `name` keeps GitHub's best match.
        sort: query.sort === 'name' ? undefined : 'updated',
        order: query.sort === 'name' ? undefined : 'desc',
        per_page: position.perPage,
        page: position.page,
      },
      searchResource,
      signal,
    )
    return {
      items: value.items.items.map(toRepository),
      nextCursor: nextCursor(link, position),
      totalCount: value.total_count,
      ...skippedPart(value.items.skipped),
    }
  }

  async function readRepository(repo: RepoRef, signal?: AbortSignal): Promise<GitHubRepository> {
    return session.get('GET /repos/{owner}/{repo}', repoPath(repo), repositoryResource, signal)
  }

  return { listOwners, listRepositories, readRepository }
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

function qualifierFor(name: string, owners: Owner[]): string {
  const owner = owners.find((o) => sameLogin(o.name, name))
  return `${owner?.kind === 'organization' ? 'org' : 'user'}:${owner?.name ?? name}`
}

/**
 * `<term> in:name fork:true user:<login> org:<org>…`. The term loses its quotes and is quoted
 * when it has spaces. Qualifiers that would push the query past GitHub's 256 characters are left
 * out (an account in dozens of organizations): their repositories are then not searched.
 */
export function searchQuery(term: string, scope: string[]): string {
  const words = term.replace(/"/g, ' ').replace(/\s+/g, ' ').trim()
  const quoted = /\s/.test(words) ? `"${words}"` : words
  let query = `${quoted} in:name fork:true`
  for (const qualifier of scope) {
    if (query.length + 1 + qualifier.length > SEARCH_QUERY_LIMIT) break
    query += ` ${qualifier}`
  }
  return query
}
