/**
 * Branches, tags and releases.
 * https://docs.github.com/en/rest/branches/branches#list-branches
 * https://docs.github.com/en/rest/repos/repos#list-repository-tags
 * https://docs.github.com/en/rest/releases/releases#list-releases
 */
import { skippedPart } from '../parse-items.ts'
import type { Branch, BranchQuery, Page, PageRequest, Release, RepoRef, Tag } from '../types.ts'
import { repoPath, toBranch, toRelease, toTag } from './mappers.ts'
import { collectPages, nextCursor, pageLocally, positionOf } from './paging.ts'
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

/** 10 pages of 100: repositories rarely have more than a few hundred branches. */
const MAX_BRANCH_PAGES = 10

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
    // Branches that could not be read are counted on the first page only: it is the whole list's.
    const page = pageLocally(matching, query.cursor, query.pageSize, complete)
    return query.cursor ? page : { ...page, ...skippedPart(skipped) }
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
