/**
 * Branches, tags and releases.
 * https://docs.github.com/en/rest/branches/branches#list-branches
 * https://docs.github.com/en/rest/repos/repos#list-repository-tags
 * https://docs.github.com/en/rest/releases/releases#list-releases
 */
import { LIST_LIMIT } from '../collect-all.ts'
import { ProviderError } from '../errors.ts'
import { skippedPart } from '../parse-items.ts'
import type { Branch, BranchQuery, Page, PageRequest, Release, RepoRef, Tag } from '../types.ts'
import { repoPath, toBranch, toRelease, toTag } from './mappers.ts'
import { collectPages, MAX_PAGE_SIZE, nextCursor, pageLocally, positionOf } from './paging.ts'
import type { RepositoryApi } from './repositories.ts'
import { GitHubBranches, GitHubReleases, GitHubTags, parserFor } from './schemas.ts'
import type { GitHubSession, Resource } from './session.ts'

const branchesResource: Resource<GitHubBranches> = {
  name: 'branches',
  parse: parserFor(GitHubBranches, 'a branch list'),
}
const tagsResource: Resource<GitHubTags> = {
  name: 'tags',
  parse: parserFor(GitHubTags, 'a tag list'),
}
const releasesResource: Resource<GitHubReleases> = {
  name: 'releases',
  parse: parserFor(GitHubReleases, 'a release list'),
}

/**
 * As many branches as any whole list is read to (collect-all.ts): 100 pages of 100. A cap of 10
 * pages once cut a 1,200-branch repository's list at 1,000 without a word.
 */
const MAX_BRANCH_PAGES = Math.ceil(LIST_LIMIT / MAX_PAGE_SIZE)

export interface RefApi {
  listBranches(repo: RepoRef, query: BranchQuery): Promise<Page<Branch>>
  listTags(repo: RepoRef, query: PageRequest): Promise<Page<Tag>>
  listReleases(repo: RepoRef, query: PageRequest): Promise<Page<Release>>
}

export function createRefApi(session: GitHubSession, repositories: RepositoryApi): RefApi {
  /**
   * GitHub lists branches by name and cannot filter them or put the default one first, so the
   * list is read whole (with the repository, for its default branch; both revalidate with ETags,
   * so paging through it again costs 304s), then filtered and paged here.
   */
  async function listBranches(repo: RepoRef, query: BranchQuery): Promise<Page<Branch>> {
    const { signal } = query
    const path = repoPath(repo)
    let skipped = 0
    const [info, { items, complete }] = await Promise.all([
      repositories.readRepository(repo, signal),
      collectPages(async (position) => {
        const { value, link } = await session.getPage(
          'GET /repos/{owner}/{repo}/branches',
          { ...path, per_page: position.perPage, page: position.page },
          branchesResource,
          signal,
        )
        skipped += value.skipped
        return { value: value.items, link }
      }, MAX_BRANCH_PAGES),
    ])
    const defaultBranch = info.default_branch ?? null
    const branches = items.map((branch) => toBranch(branch, defaultBranch))
    const ordered = [
      ...branches.filter((branch) => branch.isDefault),
      ...branches.filter((branch) => !branch.isDefault),
    ]
    const needle = query.search?.trim().toLowerCase()
    const matching = needle
      ? ordered.filter((branch) => branch.name.toLowerCase().includes(needle))
      : ordered
    const page = pageLocally(matching, query.cursor, query.pageSize, complete)
    // Branches that could not be read are counted on the first page only: it is the whole list's.
    const counted = query.cursor ? page : { ...page, ...skippedPart(skipped) }
    if (complete || page.nextCursor !== null) return counted
    // Past the branches read there are more: a cursor that says so, never a last page that lies.
    if (page.items.length > 0) return { ...counted, nextCursor: String(matching.length) }
    throw new ProviderError(
      'unsupported',
      `${repo.fullName} has more than ${LIST_LIMIT.toLocaleString('en')} branches, more than the app reads from GitHub at once: it offers the first ${LIST_LIMIT.toLocaleString('en')} by name.`,
    )
  }

  async function listTags(repo: RepoRef, query: PageRequest): Promise<Page<Tag>> {
    const position = positionOf(query.cursor, query.pageSize)
    const { value, link } = await session.getPage(
      'GET /repos/{owner}/{repo}/tags',
      { ...repoPath(repo), per_page: position.perPage, page: position.page },
      tagsResource,
      query.signal,
    )
    return {
      items: value.items.map(toTag),
      nextCursor: nextCursor(link, position),
      totalCount: null,
      ...skippedPart(value.skipped),
    }
  }

  /** GitHub lists releases newest first (by creation), drafts included for writers. */
  async function listReleases(repo: RepoRef, query: PageRequest): Promise<Page<Release>> {
    const position = positionOf(query.cursor, query.pageSize)
    const { value, link } = await session.getPage(
      'GET /repos/{owner}/{repo}/releases',
      { ...repoPath(repo), per_page: position.perPage, page: position.page },
      releasesResource,
      query.signal,
    )
    return {
      items: value.items.map(toRelease),
      nextCursor: nextCursor(link, position),
      totalCount: null,
      ...skippedPart(value.skipped),
    }
  }

  return { listBranches, listTags, listReleases }
}
