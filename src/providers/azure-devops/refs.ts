/**
 * Branches and tags from `{project}/_apis/git/repositories/{id}/refs`, which pages with `$top` and
 * a continuation token sent back in the `x-ms-continuationtoken` response header. Whether Services
 * exposes that header to cross-origin scripts is unconfirmed (research §4.1): when it cannot be
 * read, the list ends after one page.
 */
import { skippedPart } from '../parse-items.ts'
import { z } from 'zod'
import type { Branch, BranchQuery, Page, PageRequest, RepoRef, Tag } from '../types.ts'
import { lookupRepository, repositoryRoute, type AzureContext } from './context.ts'
import { decodeCursor, encodeCursor } from '../cursor.ts'
import { GitRef, list, type GitRepository } from './schemas.ts'

const TokenCursor = z.object({ t: z.string() })
const DEFAULT_PAGE = 30
/**
 * `$top` "cannot be bigger than 1000" (Refs - List, api-version 7.1:
 * https://learn.microsoft.com/en-us/rest/api/azure/devops/git/refs/list?view=azure-devops-rest-7.1,
 * MicrosoftDocs/vsts-rest-api-specs specification/git/7.1/git.json), unlike most lists' 100.
 */
const MAX_PAGE = 1000
const HEADS = 'refs/heads/'
const TAGS = 'refs/tags/'

interface RefPage {
  refs: GitRef[]
  nextCursor: string | null
  skipped: number
}

async function refPage(
  context: AzureContext,
  repo: GitRepository,
  query: PageRequest & { filter: string; contains?: string; peelTags?: boolean; top?: number },
): Promise<RefPage> {
  const token = decodeCursor(query.cursor, TokenCursor)?.t
  const top =
    query.top ?? Math.min(Math.max(Math.floor(query.pageSize ?? DEFAULT_PAGE), 1), MAX_PAGE)
  const { data, headers } = await context.send(`${repositoryRoute(repo)}/refs`, {
    validate: (v) => list(GitRef).parse(v),
    query: {
      filter: query.filter,
      filterContains: query.contains || undefined,
      peelTags: query.peelTags ? 'true' : undefined,
      $top: top,
      continuationToken: token,
    },
    signal: query.signal,
  })
  const next = headers.get('x-ms-continuationtoken')
  return {
    refs: data.value,
    nextCursor: next ? encodeCursor({ t: next }) : null,
    skipped: data.skipped,
  }
}

function branchName(ref: GitRef): string {
  return ref.name.startsWith(HEADS) ? ref.name.slice(HEADS.length) : ref.name
}

function toBranch(ref: GitRef, isDefault: boolean): Branch {
  // Branch policies live in another API: unknown here.
  return { name: branchName(ref), commitSha: ref.objectId, isDefault, protected: null }
}

/** The default branch's own ref: `filter` is a prefix, and a name sorts before its extensions. */
async function defaultRef(
  context: AzureContext,
  repo: GitRepository,
  name: string,
  signal?: AbortSignal,
): Promise<GitRef | null> {
  const { refs } = await refPage(context, repo, {
    filter: `heads/${name}`,
    top: 1,
    ...(signal ? { signal } : {}),
  })
  return refs.find((ref) => ref.name === HEADS + name) ?? null
}

/** The default branch first, then by name (the order Azure returns refs in). */
export async function listBranches(
  context: AzureContext,
  repoRef: RepoRef,
  query: BranchQuery,
): Promise<Page<Branch>> {
  const repo = await lookupRepository(context, repoRef.id, query.signal)
  const search = query.search?.trim() ?? ''
  const page = await refPage(context, repo, { ...query, filter: 'heads/', contains: search })
  const main = repo.defaultBranch?.startsWith(HEADS) ? repo.defaultBranch.slice(HEADS.length) : null
  const items = page.refs
    .filter((ref) => branchName(ref) !== main)
    .map((ref) => toBranch(ref, false))
  // The default branch leads the first page wherever the name order puts it, and no other page.
  if (!query.cursor && main !== null && main.toLowerCase().includes(search.toLowerCase())) {
    const head =
      page.refs.find((ref) => branchName(ref) === main) ??
      (await defaultRef(context, repo, main, query.signal))
    if (head) items.unshift(toBranch(head, true))
  }
  return { items, nextCursor: page.nextCursor, totalCount: null, ...skippedPart(page.skipped) }
}

/**
 * Tags by name (Azure cannot order refs by date). Annotated tags are objects of their own:
 * `peelTags` adds the commit they point at; their message and date would cost a call per tag
 * (`annotatedtags/{objectId}`), so they stay null.
 */
export async function listTags(
  context: AzureContext,
  repoRef: RepoRef,
  query: PageRequest,
): Promise<Page<Tag>> {
  const repo = await lookupRepository(context, repoRef.id, query.signal)
  const page = await refPage(context, repo, { ...query, filter: 'tags/', peelTags: true })
  return {
    items: page.refs.map((ref) => ({
      name: ref.name.startsWith(TAGS) ? ref.name.slice(TAGS.length) : ref.name,
      commitSha: ref.peeledObjectId ?? ref.objectId,
      message: null,
      date: null,
    })),
    nextCursor: page.nextCursor,
    totalCount: null,
    ...skippedPart(page.skipped),
  }
}
