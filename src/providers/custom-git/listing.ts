/**
 * Branches and tags of a Custom Git remote, from its ref advertisement: one request that always
 * returns every ref, so search and paging happen here and the cursor is an offset into the
 * filtered list. Each page reads the advertisement again (it is small and a remote has no
 * cheaper call), so a ref pushed between pages can shift the offsets by one.
 *
 * A Custom Git connection is one repository: the RepoRef the contract passes is accepted and
 * ignored, and every call reads the connection's own `repositoryUrl`.
 */
import { z } from 'zod'
import type { Branch, BranchQuery, Page, PageRequest, Tag } from '../types.ts'
import { LIST_LIMIT } from '../collect-all.ts'
import { decodeCursor, encodeCursor } from '../cursor.ts'
import { fetchRefs, HEADS, TAGS, type CustomGitTarget } from './refs.ts'

const OffsetCursor = z.object({ o: z.number().int().min(0) })
const DEFAULT_PAGE = 30
/**
 * The advertisement carries every ref in one answer, so a page may be as long as a whole list may
 * be: reading 5,000 tags costs one request, not fifty.
 */
const MAX_PAGE = LIST_LIMIT

function slice<T>(items: T[], query: PageRequest): Page<T> {
  const start = decodeCursor(query.cursor, OffsetCursor)?.o ?? 0
  const size = Math.min(Math.max(Math.floor(query.pageSize ?? DEFAULT_PAGE), 1), MAX_PAGE)
  const end = start + size
  return {
    items: items.slice(start, end),
    nextCursor: end < items.length ? encodeCursor({ o: end }) : null,
    totalCount: items.length,
  }
}

/** `refs/heads/*`: the default branch (HEAD's symref) first, then in advertisement (name) order. */
export async function listBranches(
  target: CustomGitTarget,
  token: string,
  query: BranchQuery,
): Promise<Page<Branch>> {
  // Checked before the request, so a bad cursor costs nothing.
  decodeCursor(query.cursor, OffsetCursor)
  const { refs, defaultBranch } = await fetchRefs(target, token, query.signal)
  const term = query.search?.trim().toLowerCase() ?? ''
  const branches: Branch[] = refs
    .filter((ref) => ref.ref.startsWith(HEADS))
    .map((ref) => {
      const name = ref.ref.slice(HEADS.length)
      // A bare remote tells nothing about protection rules.
      return { name, commitSha: ref.oid, isDefault: name === defaultBranch, protected: null }
    })
    .filter((branch) => branch.name.toLowerCase().includes(term))
  const ordered = [
    ...branches.filter((branch) => branch.isDefault),
    ...branches.filter((branch) => !branch.isDefault),
  ]
  return slice(ordered, query)
}

/**
 * `refs/tags/*` in advertisement (name) order: a remote gives no dates to sort by. An annotated
 * tag's commit is its peeled oid; its message and date live in the tag object, which would need
 * a fetch of objects, so they stay null.
 */
export async function listTags(
  target: CustomGitTarget,
  token: string,
  query: PageRequest,
): Promise<Page<Tag>> {
  decodeCursor(query.cursor, OffsetCursor)
  const { refs } = await fetchRefs(target, token, query.signal)
  const tags: Tag[] = refs
    .filter((ref) => ref.ref.startsWith(TAGS))
    .map((ref) => ({
      name: ref.ref.slice(TAGS.length),
      commitSha: ref.peeled ?? ref.oid,
      message: null,
      date: null,
    }))
  return slice(tags, query)
}
