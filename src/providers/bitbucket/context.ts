/**
 * What one Bitbucket adapter instance shares between its calls: the target, a client factory and
 * caches of resolved lookups. Only settled values are cached, never promises in flight: each call
 * has its own AbortSignal, and one caller's cancel must not fail another's request.
 */
import type { HttpClient } from '../http.ts'
import type { Owner, RepoRef } from '../types.ts'
import {
  authorizationFor,
  bitbucketClient,
  repositoryPath,
  type BitbucketTarget,
} from './client.ts'
import { BitbucketRepository } from './schemas.ts'

export interface BitbucketContext {
  readonly target: BitbucketTarget
  /** A client for this connection; throws for a target without its email or workspace. */
  api(moreSecrets?: readonly string[]): HttpClient
  readonly cache: {
    workspaces: Owner[] | null
    repositories: Map<string, BitbucketRepository>
  }
}

export function createBitbucketContext(target: BitbucketTarget, token: string): BitbucketContext {
  let shared: HttpClient | null = null
  return {
    target,
    api(moreSecrets = []) {
      if (moreSecrets.length > 0) {
        return bitbucketClient(authorizationFor(target, token), token, moreSecrets)
      }
      shared ??= bitbucketClient(authorizationFor(target, token), token)
      return shared
    },
    cache: { workspaces: null, repositories: new Map() },
  }
}

/** `GET /repositories/{workspace}/{slug}`, once per adapter (its main branch rarely changes). */
export async function lookupRepository(
  context: BitbucketContext,
  repo: RepoRef,
  signal?: AbortSignal,
): Promise<BitbucketRepository> {
  const cached = context.cache.repositories.get(repo.id)
  if (cached) return cached
  const { data } = await context.api().getJson(repositoryPath(repo), {
    validate: (v) => BitbucketRepository.parse(v),
    signal,
  })
  context.cache.repositories.set(repo.id, data)
  return data
}
