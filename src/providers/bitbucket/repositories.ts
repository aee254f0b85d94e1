/**
 * Repositories, listed per workspace with `GET /repositories/{workspace}?role=member` (the global
 * `/repositories` answers 410 since CHANGE-2770). Without an owner filter the workspaces are walked
 * in order: the cursor holds the workspace's index and that workspace's `next` link.
 */
import { skippedPart } from '../parse-items.ts'
import { z } from 'zod'
import type { Page, Repository, RepositoryQuery } from '../types.ts'
import { nameQuery, nextPath, pageLength } from './client.ts'
import type { BitbucketContext } from './context.ts'
import { decodeCursor, encodeCursor } from '../cursor.ts'
import {
  BitbucketRepositoryPage,
  type BitbucketRepository,
  type BitbucketRepositoryPage as RepositoryPage,
} from './schemas.ts'
import { listWorkspaces } from './workspaces.ts'

/** `w`: index into the workspaces being walked; `n`: that workspace's next link, null to start. */
const RepositoryCursor = z.object({ w: z.number().int().min(0), n: z.string().nullable() })
type RepositoryCursor = z.infer<typeof RepositoryCursor>

export function toRepository(repo: BitbucketRepository): Repository {
  const workspace = repo.workspace?.slug ?? repo.full_name.split('/')[0] ?? ''
  return {
    id: repo.full_name,
    fullName: repo.full_name,
    name: repo.name,
    owner: workspace,
    description: repo.description?.trim() ? repo.description : null,
    private: repo.is_private ?? true,
    // Bitbucket Cloud has no archived state.
    archived: false,
    fork: Boolean(repo.parent),
    defaultBranch: repo.mainbranch?.name ?? null,
    webUrl: repo.links?.html?.href ?? `https://bitbucket.org/${repo.full_name}`,
    cloneUrl: repo.links?.clone?.find((link) => link.name === 'https')?.href ?? null,
    updatedAt: repo.updated_on ?? null,
  }
}

async function workspaceSlugs(context: BitbucketContext, query: RepositoryQuery) {
  const owner = query.owner?.trim()
  // A connection limited to one workspace never lists another one's repositories.
  const limit = context.target.workspace?.trim()
  if (owner) return limit && owner !== limit ? [] : [owner]
  return (await listWorkspaces(context, query.signal)).map((workspace) => workspace.name)
}

export async function listRepositories(
  context: BitbucketContext,
  query: RepositoryQuery,
): Promise<Page<Repository>> {
  const api = context.api()
  const { signal } = query
  let position: RepositoryCursor = decodeCursor(query.cursor, RepositoryCursor) ?? { w: 0, n: null }
  const slugs = await workspaceSlugs(context, query)
  const params = {
    // Repositories the user is a member of, not every public one in the workspace. Access tokens
    // are a pseudo-user that sees only what it was granted; whether `role` applies to them is
    // undocumented, so they go without it.
    role: context.target.credentialKind === 'api-token' ? 'member' : undefined,
    pagelen: pageLength(query.pageSize),
    sort: query.sort === 'name' ? 'full_name' : '-updated_on',
    q: nameQuery(query.search),
  }
  const single = slugs.length === 1

  // A workspace with nothing on its page (no match for the search) is skipped in the same call,
  // so that an empty page is always the last one.
  while (position.w < slugs.length) {
    const slug = slugs[position.w] ?? ''
    const validate = (v: unknown) => BitbucketRepositoryPage.parse(v)
    const { data }: { data: RepositoryPage } =
      position.n === null
        ? await api.getJson(`repositories/${encodeURIComponent(slug)}`, {
            validate,
            query: params,
            signal,
          })
        : await api.getJson(position.n, { validate, signal })
    const next = nextPath(data.next)
    const following: RepositoryCursor | null =
      next !== null
        ? { w: position.w, n: next }
        : position.w + 1 < slugs.length
          ? { w: position.w + 1, n: null }
          : null
    if (data.values.length + data.skipped > 0 || following === null) {
      return {
        items: data.values.map(toRepository),
        nextCursor: following && encodeCursor(following),
        totalCount: single ? (data.size ?? null) : null,
        ...skippedPart(data.skipped),
      }
    }
    position = following
  }
  return { items: [], nextCursor: null, totalCount: single ? 0 : null }
}
