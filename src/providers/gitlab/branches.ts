/**
 * Branches, the default one first (https://docs.gitlab.com/api/branches/). GitLab sorts them by
 * name and marks the default with `default: true`, so it can sit on any page: when it is not on
 * the first one, it is fetched on its own and put in front, and left out of the later pages.
 */
import { z } from 'zod'
import { itemsOf } from '../parse-items.ts'
import type { Branch, BranchQuery, Page, RepoRef } from '../types.ts'
import { gitlabJson, projectPath, segment, type GitLabApi } from './client.ts'
import { pageQuery, toPage } from './pagination.ts'
import { GitLabBranch } from './schemas.ts'

export async function listBranches(
  api: GitLabApi,
  repo: RepoRef,
  query: BranchQuery,
): Promise<Page<Branch>> {
  const { signal } = query
  const search = query.search?.trim() || undefined
  const { data, headers } = await gitlabJson(
    api,
    `${projectPath(repo)}/repository/branches`,
    itemsOf(GitLabBranch),
    { query: { search, ...pageQuery(query) }, signal },
  )
  const page = toPage(data.items.map(toBranch), headers, { skipped: data.skipped })
  const first = !query.cursor
  if (!first) {
    // Without a search the first page already carried the default branch.
    return search ? page : { ...page, items: page.items.filter((branch) => !branch.isDefault) }
  }
  const index = page.items.findIndex((branch) => branch.isDefault)
  if (index >= 0) {
    const [found] = page.items.splice(index, 1)
    return { ...page, items: found ? [found, ...page.items] : page.items }
  }
  if (search || page.nextCursor === null) return page
  const fallback = await defaultBranch(api, repo, signal)
  return fallback ? { ...page, items: [fallback, ...page.items] } : page
}

/** The default branch on its own: its name from the project, then the branch. */
async function defaultBranch(
  api: GitLabApi,
  repo: RepoRef,
  signal: AbortSignal | undefined,
): Promise<Branch | null> {
  const { data: project } = await gitlabJson(
    api,
    projectPath(repo),
    z.object({ default_branch: z.string().nullish() }),
    { signal },
  )
  if (!project.default_branch) return null
  const { data } = await gitlabJson(
    api,
    `${projectPath(repo)}/repository/branches/${segment(project.default_branch)}`,
    GitLabBranch,
    { signal },
  )
  return { ...toBranch(data), isDefault: true }
}

function toBranch(branch: GitLabBranch): Branch {
  return {
    name: branch.name,
    commitSha: branch.commit.id,
    isDefault: branch.default === true,
    protected: branch.protected ?? null,
  }
}
