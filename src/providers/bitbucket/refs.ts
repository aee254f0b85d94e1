/**
 * Branches and tags (`/refs/branches`, `/refs/tags`). Branches come by name with the main branch
 * (the repository's `mainbranch`) first, as the contract asks; tags newest first.
 */
import { skippedPart } from '../parse-items.ts'
import { isProviderError } from '../errors.ts'
import type { Branch, BranchQuery, Page, PageRequest, RepoRef, Tag } from '../types.ts'
import { nameQuery, pageLength, repositoryPath } from './client.ts'
import { lookupRepository, type BitbucketContext } from './context.ts'
import { linkedPage } from './paging.ts'
import { BitbucketBranch, BitbucketTag, page } from './schemas.ts'

function toBranch(branch: BitbucketBranch, isDefault: boolean): Branch {
  // Branch restrictions live behind another endpoint (and another scope): unknown here.
  return { name: branch.name, commitSha: branch.target.hash, isDefault, protected: null }
}

/** The main branch itself, or null when it does not exist yet (an empty repository). */
async function fetchBranch(
  context: BitbucketContext,
  repo: RepoRef,
  name: string,
  signal?: AbortSignal,
): Promise<BitbucketBranch | null> {
  try {
    const { data } = await context
      .api()
      .getJson(`${repositoryPath(repo)}/refs/branches/${encodeURIComponent(name)}`, {
        validate: (v) => BitbucketBranch.parse(v),
        signal,
      })
    return data
  } catch (error) {
    if (isProviderError(error) && error.kind === 'not-found') return null
    throw error
  }
}

export async function listBranches(
  context: BitbucketContext,
  repo: RepoRef,
  query: BranchQuery,
): Promise<Page<Branch>> {
  const { signal } = query
  const search = query.search?.trim() ?? ''
  const [info, result] = await Promise.all([
    lookupRepository(context, repo, signal),
    linkedPage(context.api(), {
      path: `${repositoryPath(repo)}/refs/branches`,
      // `name` sorts refs naturally (release/1.10 after release/1.9).
      query: { pagelen: pageLength(query.pageSize), sort: 'name', q: nameQuery(search) },
      cursor: query.cursor,
      validate: (v) => page(BitbucketBranch).parse(v),
      signal,
    }),
  ])
  const main = info.mainbranch?.name ?? null
  const others = result.values.filter((branch) => branch.name !== main)
  const items = others.map((branch) => toBranch(branch, false))
  // The main branch leads the first page wherever the name order puts it, and no other page.
  if (result.first && main !== null && main.toLowerCase().includes(search.toLowerCase())) {
    const head =
      result.values.find((branch) => branch.name === main) ??
      (await fetchBranch(context, repo, main, signal))
    if (head) items.unshift(toBranch(head, true))
  }
  return {
    items,
    nextCursor: result.nextCursor,
    totalCount: result.size,
    ...skippedPart(result.skipped),
  }
}

export async function listTags(
  context: BitbucketContext,
  repo: RepoRef,
  query: PageRequest,
): Promise<Page<Tag>> {
  const result = await linkedPage(context.api(), {
    path: `${repositoryPath(repo)}/refs/tags`,
    query: { pagelen: pageLength(query.pageSize), sort: '-target.date' },
    cursor: query.cursor,
    validate: (v) => page(BitbucketTag).parse(v),
    signal: query.signal,
  })
  return {
    items: result.values.map((tag) => ({
      name: tag.name,
      commitSha: tag.target.hash,
      message: tag.message?.trim() || null,
      date: tag.date ?? null,
    })),
    nextCursor: result.nextCursor,
    totalCount: result.size,
    ...skippedPart(result.skipped),
  }
}
