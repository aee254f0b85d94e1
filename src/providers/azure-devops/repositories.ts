/**
 * Repositories: `GET _apis/git/repositories` (or `{project}/_apis/git/repositories` for one
 * project) returns every repository at once, with no paging and no server-side search. So search
 * and sort happen here, and pages are cut locally: the cursor is an offset into the listing that
 * the first page fetched, kept for a few minutes so that later pages slice the same snapshot.
 */
import { skippedPart } from '../parse-items.ts'
import { z } from 'zod'
import type { Page, Repository, RepositoryQuery } from '../types.ts'
import type { AzureContext } from './context.ts'
import { decodeCursor, encodeCursor } from '../cursor.ts'
import { list, GitRepository } from './schemas.ts'

const OffsetCursor = z.object({ o: z.number().int().min(0) })
const SNAPSHOT_MS = 5 * 60_000
const DEFAULT_PAGE = 30
const MAX_PAGE = 100

const HEADS = 'refs/heads/'

export function toRepository(repo: GitRepository, baseUrl: string): Repository {
  const branch = repo.defaultBranch ?? null
  return {
    id: repo.id,
    fullName: `${repo.project.name}/${repo.name}`,
    name: repo.name,
    owner: repo.project.name,
    // Azure Repos have no description.
    description: null,
    // Visibility is the project's; older servers omit it, and their projects are private.
    private: repo.project.visibility !== 'public',
    archived: repo.isDisabled === true,
    fork: repo.isFork === true,
    defaultBranch: branch?.startsWith(HEADS) ? branch.slice(HEADS.length) : branch,
    webUrl:
      repo.webUrl ??
      `${baseUrl}/${encodeURIComponent(repo.project.name)}/_git/${encodeURIComponent(repo.name)}`,
    cloneUrl: repo.remoteUrl ?? null,
    // GitRepository carries no activity date.
    updatedAt: null,
  }
}

async function listing(
  context: AzureContext,
  owner: string,
  fresh: boolean,
  signal?: AbortSignal,
): Promise<{ items: Repository[]; skipped: number }> {
  const kept = context.cache.listings.get(owner)
  if (!fresh && kept && Date.now() - kept.at < SNAPSHOT_MS) {
    return { items: kept.items, skipped: kept.skipped ?? 0 }
  }
  const path = owner
    ? `${encodeURIComponent(owner)}/_apis/git/repositories`
    : '_apis/git/repositories'
  const { data } = await context.send(path, {
    validate: (v) => list(GitRepository).parse(v),
    signal,
  })
  const { baseUrl } = context.site()
  const items = data.value.map((repo) => toRepository(repo, baseUrl))
  context.cache.listings.set(owner, { at: Date.now(), items, skipped: data.skipped })
  return { items, skipped: data.skipped }
}

export async function listRepositories(
  context: AzureContext,
  query: RepositoryQuery,
): Promise<Page<Repository>> {
  const cursor = decodeCursor(query.cursor, OffsetCursor)
  const owner = query.owner?.trim() ?? ''
  const { items: all, skipped } = await listing(context, owner, cursor === null, query.signal)
  const term = query.search?.trim().toLowerCase() ?? ''
  // With no activity date to sort by, both orders are by full name.
  const matching = all
    .filter((repo) => repo.name.toLowerCase().includes(term))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'en', { sensitivity: 'base' }))
  const size = Math.min(Math.max(Math.floor(query.pageSize ?? DEFAULT_PAGE), 1), MAX_PAGE)
  const start = cursor?.o ?? 0
  const end = start + size
  return {
    items: matching.slice(start, end),
    nextCursor: end < matching.length ? encodeCursor({ o: end }) : null,
    totalCount: matching.length,
    // What the listing could not read is told once, with the first page.
    ...skippedPart(start === 0 ? skipped : 0),
  }
}
