/**
 * What one Azure DevOps adapter instance shares between calls: the site, the REST API version
 * (7.1, or what Server negotiated once, reused by every later call) and settled lookups. Promises
 * in flight are never shared: each call has its own AbortSignal.
 */
import {
  basicAuthorization,
  createHttpClient,
  type HttpClient,
  type JsonResponse,
  type RequestOptions,
} from '../http.ts'
import type { Repository } from '../types.ts'
import { isOutOfRange, negotiateApiVersion } from './api-version.ts'
import { GitRepository } from './schemas.ts'
import { networkHint, siteFor, type AzureTarget, type Site } from './site.ts'

export interface AzureContext {
  readonly target: AzureTarget
  /** Throws for a target without an organization, or with a collection URL that is not http(s). */
  site(): Site
  /** The plain client, for the few calls that take no `api-version`. */
  client(moreSecrets?: readonly string[]): HttpClient
  /** Any request with `api-version` added; writes name extra secrets to keep out of errors. */
  send<T>(
    path: string,
    options: RequestOptions<T>,
    moreSecrets?: readonly string[],
  ): Promise<JsonResponse<T>>
  /** Calls `request` with the known API version, or negotiates one first (Server) and keeps it. */
  versioned<T>(request: (version: string) => Promise<T>): Promise<{ value: T; version: string }>
  readonly cache: {
    repositories: Map<string, GitRepository>
    /** The last full listing per owner filter ('' for all), which later pages slice. */
    listings: Map<string, { at: number; items: Repository[]; skipped?: number }>
  }
}

/**
 * `knownVersion` is what an earlier check of this connection found (stored on the record): a new
 * adapter starts from it instead of finding it again with a failing request. Should the server
 * refuse it (downgraded since), the version is negotiated afresh.
 */
export function createAzureContext(
  target: AzureTarget,
  token: string,
  knownVersion?: string,
): AzureContext {
  let version: string | null = knownVersion ?? null
  let remembered = knownVersion !== undefined
  let shared: HttpClient | null = null

  function client(moreSecrets: readonly string[]): HttpClient {
    const site = siteFor(target)
    const make = () =>
      createHttpClient({
        baseUrl: site.baseUrl,
        authorization: basicAuthorization('', token),
        secrets: [token, ...moreSecrets],
        context: { unauthorizedSubject: 'token', notFoundSubject: site.subject },
        htmlMeansSignIn: true,
        onNetworkFailure: networkHint(site),
      })
    if (moreSecrets.length > 0) return make()
    shared ??= make()
    return shared
  }

  const context: AzureContext = {
    target,
    site: () => siteFor(target),
    client: (moreSecrets = []) => client(moreSecrets),
    async versioned(request) {
      if (version !== null) {
        try {
          return { value: await request(version), version }
        } catch (error) {
          if (!remembered || !isOutOfRange(error)) throw error
          remembered = false
          version = null
        }
      }
      const result = await negotiateApiVersion(request)
      version = result.version
      return result
    },
    async send(path, options, moreSecrets = []) {
      const api = client(moreSecrets)
      const { value } = await context.versioned((apiVersion) =>
        api.request(path, { ...options, query: { ...options.query, 'api-version': apiVersion } }),
      )
      return value
    },
    cache: { repositories: new Map(), listings: new Map() },
  }
  return context
}

/** `GET _apis/git/repositories/{id}`, once per adapter: its project and default branch. */
export async function lookupRepository(
  context: AzureContext,
  id: string,
  signal?: AbortSignal,
): Promise<GitRepository> {
  const cached = context.cache.repositories.get(id)
  if (cached) return cached
  const { data } = await context.send(`_apis/git/repositories/${encodeURIComponent(id)}`, {
    validate: (v) => GitRepository.parse(v),
    signal,
  })
  context.cache.repositories.set(id, data)
  return data
}

/** `{project}/_apis/git/repositories/{id}`: the project-scoped base of refs and commits. */
export function repositoryRoute(repo: GitRepository): string {
  return `${encodeURIComponent(repo.project.id)}/_apis/git/repositories/${encodeURIComponent(repo.id)}`
}
