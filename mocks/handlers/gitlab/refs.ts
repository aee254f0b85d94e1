/** Branches and tags: search, order and payloads. */
import { http, type RequestHandler } from 'msw'
import {
  demoBranches,
  demoCommitAt,
  demoSha,
  type DemoRelease,
  type DemoRepository,
  type DemoTag,
} from '../../data/catalog.ts'
import { repositoryReleases, repositoryTags } from '../../published-refs.ts'
import { API, json, notFound, param, time, webRoot } from './context.ts'
import { commitPayload } from './commits.ts'
import { pageOf } from './pagination.ts'
import { projectUrls } from './project-payloads.ts'
import { withProject } from './projects.ts'

/** GitLab's branch and tag search: substring, or `^prefix` / `suffix$`; case-insensitive. */
function refMatches(name: string, search: string | null): boolean {
  if (!search) return true
  const lower = name.toLowerCase()
  const term = search.toLowerCase()
  if (term.startsWith('^')) return lower.startsWith(term.slice(1))
  if (term.endsWith('$')) return lower.endsWith(term.slice(0, -1))
  return lower.includes(term)
}

function branchPayload(repo: DemoRepository, name: string, web: string) {
  const projectWeb = projectUrls(repo, web).web_url
  const isDefault = name === repo.defaultBranch
  return {
    name,
    commit: commitPayload(demoCommitAt('gitlab', repo, name, 0), projectWeb),
    merged: false,
    protected: isDefault,
    developers_can_push: false,
    developers_can_merge: false,
    can_push: true,
    default: isDefault,
    web_url: `${projectWeb}/-/tree/${name}`,
  }
}

/** `v1.10.0` after `v1.9.0`: numbers compared as numbers. */
function compareVersions(left: string, right: string): number {
  const a = left.match(/\d+/g)?.map(Number) ?? []
  const b = right.match(/\d+/g)?.map(Number) ?? []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0)
    if (difference !== 0) return difference
  }
  return left < right ? -1 : left > right ? 1 : 0
}

function tagPayload(repo: DemoRepository, tag: DemoTag, releases: DemoRelease[], web: string) {
  const projectWeb = projectUrls(repo, web).web_url
  const commit = demoCommitAt('gitlab', repo, tag.branch, tag.commitIndex)
  const release = releases.find((entry) => entry.tagName === tag.name)
  const annotated = tag.message !== null
  return {
    name: tag.name,
    message: tag.message,
    // An annotated tag is an object of its own; a lightweight one points at the commit.
    target: annotated ? demoSha('tag', repo.id, tag.name) : tag.sha,
    commit: commitPayload(commit, projectWeb),
    release: release ? { tag_name: release.tagName, description: release.body } : null,
    protected: false,
    created_at: annotated ? time(tag.date) : null,
  }
}

export const branchHandlers: RequestHandler[] = [
  // https://docs.gitlab.com/api/branches/ — sorted by name; `default: true` marks the default.
  http.get(
    `${API}/projects/:id/repository/branches`,
    withProject(({ request, url }, repo) => {
      const search = url.searchParams.get('search')
      const names = demoBranches(repo)
        .filter((name) => refMatches(name, search))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      return pageOf(request, url, names, (name) => branchPayload(repo, name, webRoot(url)))
    }),
  ),
  http.get(
    `${API}/projects/:id/repository/branches/:branch`,
    withProject(({ request, url, params }, repo) => {
      const name = param(params, 'branch')
      if (!demoBranches(repo).includes(name)) return notFound(request, 'Branch')
      return json(request, branchPayload(repo, name, webRoot(url)))
    }),
  ),
]

export const tagHandlers: RequestHandler[] = [
  // https://docs.gitlab.com/api/tags/#list-project-repository-tags
  http.get(
    `${API}/projects/:id/repository/tags`,
    withProject(({ request, url }, repo) => {
      const search = url.searchParams.get('search')
      const tags = repositoryTags('gitlab', repo)
      const releases = repositoryReleases('gitlab', repo)
      const indexes = tags
        .map((_, index) => index)
        .filter((index) => refMatches(tags[index]!.name, search))
      // order_by updated (default), name or version; sort desc (default) or asc. The catalog
      // lists newest first.
      const orderBy = url.searchParams.get('order_by') ?? 'updated'
      const direction = url.searchParams.get('sort') === 'asc' ? 1 : -1
      const compare = (a: number, b: number): number => {
        if (orderBy === 'name') return tags[a]!.name < tags[b]!.name ? -1 : 1
        if (orderBy === 'version') return compareVersions(tags[a]!.name, tags[b]!.name)
        return b - a
      }
      indexes.sort((a, b) => compare(a, b) * direction)
      return pageOf(request, url, indexes, (index) =>
        tagPayload(repo, tags[index]!, releases, webRoot(url)),
      )
    }),
  ),
]
