/**
 * One adapter's connection to GitHub: its Octokit, its token (for scrubbing error text only) and
 * its ETag cache. Every read goes through `get`, which revalidates with `If-None-Match`; writes go
 * through `send`. Both pass the caller's AbortSignal to fetch and fail with ProviderError, or with
 * the AbortError itself when the caller cancelled.
 */
import type { Octokit } from '@octokit/rest'
import type { ErrorSubject } from '../errors.ts'
import {
  createOctokit,
  githubApiUrl,
  toProviderError,
  type ErrorContext,
  type GitHubTarget,
} from './client.ts'
import { EtagCache } from './etag-cache.ts'

/** What a GET reads: a name (part of the cache key) and the parser that checks the payload. */
export interface Resource<T> {
  name: string
  parse: (data: unknown) => T
}

export interface Fetched<T> {
  value: T
  /** The `Link` header, for paging. */
  link: string | null
  /** True when GitHub answered 304 and the value came from the cache. */
  revalidated: boolean
}

/** Path and query parameters; `undefined` ones are left out of the URL by Octokit. */
export type Params = Record<string, unknown>

export interface GitHubSession {
  readonly target: GitHubTarget
  readonly token: string
  readonly octokit: Octokit
  readonly etags: EtagCache
  get<T>(route: string, params: Params, resource: Resource<T>, signal?: AbortSignal): Promise<T>
  getPage<T>(
    route: string,
    params: Params,
    resource: Resource<T>,
    signal?: AbortSignal,
  ): Promise<Fetched<T>>
  /** A write (POST, DELETE…); resolves to the answer's body. */
  send(route: string, params: Params, signal?: AbortSignal): Promise<unknown>
  /** Any failure as a ProviderError (an AbortError is handed back as it is). */
  failure(error: unknown, signal?: AbortSignal, notFoundSubject?: ErrorSubject): unknown
}

export function createGitHubSession(target: GitHubTarget, token: string): GitHubSession {
  const octokit = createOctokit(githubApiUrl(target), token)
  const etags = new EtagCache()

  function failure(error: unknown, signal?: AbortSignal, notFoundSubject?: ErrorSubject) {
    const context: ErrorContext = { token, signal, notFoundSubject }
    return toProviderError(error, context)
  }

  async function getPage<T>(
    route: string,
    params: Params,
    resource: Resource<T>,
    signal?: AbortSignal,
  ): Promise<Fetched<T>> {
    signal?.throwIfAborted()
    const key = `${resource.name} ${octokit.request.endpoint(route, { ...params }).url}`
    const cached = etags.get<T>(key)
    try {
      const response = await octokit.request(route, {
        ...params,
        headers: cached ? { 'if-none-match': cached.etag } : {},
        request: { signal },
      })
      const data: unknown = response.data
      const value = resource.parse(data)
      const link = headerText(response.headers.link)
      const etag = headerText(response.headers.etag)
      if (etag) etags.set(key, { etag, value, link })
      else etags.delete(key)
      return { value, link, revalidated: false }
    } catch (error) {
      // Octokit rejects a 304 like an error; it means "what you have is still right".
      if (cached && statusOf(error) === 304) {
        return { value: cached.value, link: cached.link, revalidated: true }
      }
      throw failure(error, signal)
    }
  }

  async function send(route: string, params: Params, signal?: AbortSignal): Promise<unknown> {
    signal?.throwIfAborted()
    try {
      const response = await octokit.request(route, { ...params, request: { signal } })
      const data: unknown = response.data
      return data
    } catch (error) {
      throw failure(error, signal)
    }
  }

  return {
    target,
    token,
    octokit,
    etags,
    getPage,
    async get(route, params, resource, signal) {
      return (await getPage(route, params, resource, signal)).value
    },
    send,
    failure,
  }
}

function headerText(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined
  return typeof error.status === 'number' ? error.status : undefined
}
