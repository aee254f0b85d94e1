/**
 * Bitbucket owners are workspaces. `GET /user/workspaces` (CHANGE-3022) replaced the removed
 * cross-workspace endpoints (CHANGE-2770, research §3.3). Access tokens cannot list workspaces, so
 * theirs is the one the connection names.
 */
import type { Owner } from '../types.ts'
import { nextPath, requireWorkspace } from './client.ts'
import type { BitbucketContext } from './context.ts'
import { BitbucketWorkspaceAccess } from './schemas.ts'

/** Enough for any real account; a runaway `next` chain stops here. */
const MAX_PAGES = 20

/**
 * The workspaces the connection browses. An API token's connection may name one workspace: then
 * only that one, as the form promises ("limit the connection to one workspace").
 */
export async function listWorkspaces(
  context: BitbucketContext,
  signal?: AbortSignal,
): Promise<Owner[]> {
  const { target } = context
  if (target.credentialKind === 'access-token') {
    const slug = requireWorkspace(target)
    return [{ id: slug, name: slug, displayName: null, kind: 'workspace', avatarUrl: null }]
  }
  const all = await listAllWorkspaces(context, signal)
  const wanted = target.workspace?.trim()
  return wanted ? all.filter((owner) => owner.name === wanted) : all
}

/** Every workspace the account is a member of (`GET /user/workspaces`, to the last page). */
export async function listAllWorkspaces(
  context: BitbucketContext,
  signal?: AbortSignal,
): Promise<Owner[]> {
  if (context.cache.workspaces) return context.cache.workspaces
  const api = context.api()
  const owners: Owner[] = []
  let path: string | null = 'user/workspaces'
  for (let pages = 0; path !== null && pages < MAX_PAGES; pages++) {
    const { data }: { data: BitbucketWorkspaceAccess } = await api.getJson(path, {
      validate: (v) => BitbucketWorkspaceAccess.parse(v),
      ...(pages === 0 ? { query: { pagelen: 100 } } : {}),
      signal,
    })
    for (const { workspace } of data.values) {
      owners.push({
        id: workspace.uuid,
        name: workspace.slug,
        displayName: workspace.name ?? null,
        kind: 'workspace',
        avatarUrl: workspace.links?.avatar?.href ?? null,
      })
    }
    path = nextPath(data.next)
  }
  context.cache.workspaces = owners
  return owners
}
