/**
 * A small fetch client for GitLab's REST API (v4). Plain fetch rather than @gitbeaker/rest:
 * gitbeaker's requester retries 429 and 502 ten times and then throws an error with no status or
 * headers (no rate-limit kind, no reset time), and turns a cancelled request into a
 * GitbeakerTimeoutError instead of the caller's AbortError.
 */
import type { z } from 'zod'
import { ProviderError, type ErrorSubject } from '../errors.ts'
import { errorFromFetchFailure, errorFromHttpFailure } from '../http-errors.ts'
import { isRedirect, redirectRefused } from '../redirects.ts'
import type { ProviderTarget, RepoRef } from '../types.ts'

export type GitLabTarget = Extract<ProviderTarget, { type: 'gitlab' | 'gitlab-self-managed' }>

/**
 * How long to wait before the one retry of a 429. Browser code cannot read GitLab's RateLimit-*
 * or Retry-After headers (they are not in its CORS expose list), so the wait is blind and short:
 * long enough to get past a burst, short enough that the user is told soon when it was not one.
 */
export const RATE_LIMIT_RETRY_DELAY_MS = 1_000

/** A request that has not answered after this long fails as a `network` timeout. */
export const REQUEST_TIMEOUT_MS = 20_000

export interface GitLabApi {
  /** `https://host/api/v4`, no trailing slash. */
  readonly url: string
  readonly token: string
  /**
   * What a 404 or a non-JSON answer from verify() points at: on a self-managed instance, most
   * likely a base URL that is not GitLab.
   */
  readonly notFoundSubject: ErrorSubject | undefined
}

export function gitlabApi(target: GitLabTarget, token: string): GitLabApi {
  if (target.type === 'gitlab') {
    return { url: 'https://gitlab.com/api/v4', token, notFoundSubject: undefined }
  }
  const base = target.baseUrl.replace(/\/+$/, '')
  return { url: `${base}/api/v4`, token, notFoundSubject: 'base-url' }
}

export type QueryValue = string | number | boolean | undefined

export interface GitLabRequest {
  method?: 'GET' | 'POST' | 'DELETE'
  query?: Record<string, QueryValue>
  /** Sent as JSON. */
  body?: unknown
  signal?: AbortSignal | undefined
  /**
   * Blame the base URL (self-managed) for a 404 or an answer that is not JSON. Only right where
   * the path certainly exists on any GitLab (verify); elsewhere a 404 means a missing project.
   */
  blameBaseUrl?: boolean
}

export interface GitLabResponse<T> {
  data: T
  status: number
  headers: Headers
}

/** `/projects/123`, `/groups/platform%2Ftools`: one path segment, whatever the id holds. */
export function segment(value: string | number): string {
  return encodeURIComponent(String(value))
}

/** `/projects/:id`: GitLab takes the numeric id (what RepoRef.id holds) or the encoded path. */
export function projectPath(repo: RepoRef): string {
  return `/projects/${segment(repo.id)}`
}

function buildUrl(api: GitLabApi, path: string, query: GitLabRequest['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value))
  }
  const search = params.toString()
  return `${api.url}${path}${search ? `?${search}` : ''}`
}

/** Waits `ms`, or less when cancelled, and then throws the signal's own reason (the AbortError). */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, signal?.aborted ? 0 : ms)
    signal?.addEventListener('abort', done, { once: true })
  })
  signal?.throwIfAborted()
}

/**
 * One HTTP exchange under /api/v4, its JSON parsed (null for an empty answer such as a 204).
 * Throws ProviderError for every failure, and the caller's AbortError untouched. A 429 is retried
 * once after RATE_LIMIT_RETRY_DELAY_MS. The token goes out as `Bearer`: GitLab strips
 * `PRIVATE-TOKEN` less reliably on cross-origin redirects (research §2.2), and OAuth tokens need
 * Bearer anyway.
 */
export async function gitlabRequest(
  api: GitLabApi,
  path: string,
  request: GitLabRequest = {},
): Promise<GitLabResponse<unknown>> {
  const { signal } = request
  const subject = request.blameBaseUrl ? api.notFoundSubject : undefined
  for (let attempt = 0; ; attempt++) {
    const { response, text } = await exchange(api, path, request)
    if (response.status === 429 && attempt === 0) {
      await pause(RATE_LIMIT_RETRY_DELAY_MS, signal)
      continue
    }
    if (!response.ok) {
      const said = readGitLabError(text, api.token)
      const failure = errorFromHttpFailure(
        {
          status: response.status,
          headers: response.headers,
          ...(said.message ? { providerMessage: said.message } : {}),
        },
        subject ? { notFoundSubject: subject } : {},
      )
      // OAuth's `insufficient_scope` (a read_api token writing) is GitLab naming the cause.
      throw withGitLabReset(
        said.code === 'insufficient_scope' && failure.kind === 'forbidden'
          ? new ProviderError('forbidden', failure.message, {
              ...failure.options(),
              reason: 'missing-scope',
            })
          : failure,
        response.headers,
      )
    }
    if (text.trim() === '')
      return { data: null, status: response.status, headers: response.headers }
    try {
      return {
        data: JSON.parse(text) as unknown,
        status: response.status,
        headers: response.headers,
      }
    } catch {
      throw new ProviderError('invalid-response', 'GitLab sent an answer that is not JSON.', {
        status: response.status,
        ...(subject ? { subject } : {}),
      })
    }
  }
}

/** Sends once and reads the whole body; a cancelled call rethrows the caller's AbortError. */
async function exchange(
  api: GitLabApi,
  path: string,
  request: GitLabRequest,
): Promise<{ response: Response; text: string }> {
  const { signal } = request
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS)
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
  const headers: Record<string, string> = {
    authorization: `Bearer ${api.token}`,
    accept: 'application/json',
  }
  if (request.body !== undefined) headers['content-type'] = 'application/json'
  const url = buildUrl(api, path, request.query)
  try {
    const response = await fetch(url, {
      method: request.method ?? 'GET',
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: combined,
      // The token goes in our header, never in cookies; answers must not come from a cache that
      // could outlive a revoked token.
      credentials: 'omit',
      cache: 'no-store',
      // Not followed with the token (redirects.ts); on self-managed, the address is at fault.
      redirect: 'manual',
    })
    if (isRedirect(response)) throw redirectRefused(url, response, api.notFoundSubject)
    return { response, text: await response.text() }
  } catch (error) {
    if (error instanceof ProviderError) throw error
    // The caller cancelled: not a failure, rethrow exactly what fetch gave us.
    if (signal?.aborted) throw error
    throw errorFromFetchFailure(error, combined)
  }
}

/**
 * GitLab names its reset `RateLimit-Reset` (epoch seconds), not `X-RateLimit-Reset`. Readable in
 * Node and behind a proxy that exposes it; a browser talking to GitLab directly sees neither.
 */
function withGitLabReset(error: ProviderError, headers: Headers): ProviderError {
  if (error.kind !== 'rate-limited' || error.resetAt !== undefined) return error
  const reset = Number(headers.get('ratelimit-reset'))
  if (!Number.isFinite(reset) || reset < 1_000_000_000) return error
  return new ProviderError(error.kind, error.message, { ...error.options(), resetAt: reset * 1000 })
}

/** GET a path and return its JSON (verify's reads). */
export async function gitlabGet(
  api: GitLabApi,
  path: string,
  signal?: AbortSignal,
): Promise<unknown> {
  return (await gitlabRequest(api, path, { signal, blameBaseUrl: true })).data
}

/** A request whose answer is checked against a zod schema: a wrong shape is `invalid-response`. */
export async function gitlabJson<S extends z.ZodType>(
  api: GitLabApi,
  path: string,
  schema: S,
  request: GitLabRequest = {},
): Promise<GitLabResponse<z.output<S>>> {
  const response = await gitlabRequest(api, path, request)
  const parsed = schema.safeParse(response.data)
  if (!parsed.success) {
    // Our parser's complaint is not GitLab's words: it stays in the message, for diagnosis.
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ')
    throw new ProviderError(
      'invalid-response',
      `GitLab answered in an unexpected shape (${issues}).`,
      {
        status: response.status,
      },
    )
  }
  return { ...response, data: parsed.data }
}

/**
 * GitLab's error bodies (docs.gitlab.com/api/rest/troubleshooting, "Status codes"; and as seen
 * from its API): `{"message":"401 Unauthorized"}`, validation errors as
 * `{"message":{"url":["is blocked: …"]}}`, Grape's parameter errors as `{"error":"url is
 * missing"}` or `{"error":"Invalid url given"}` (a 422 on POST /projects/:id/hooks), and OAuth's
 * `{"error":"insufficient_scope","error_description":"…"}`. Anything else (an HTML error page from
 * a proxy) says nothing. `code` is OAuth's error code, when there is one.
 */
export function readGitLabError(
  text: string,
  token: string,
): { message: string | undefined; code: string | undefined } {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { message: undefined, code: undefined }
  }
  if (typeof body !== 'object' || body === null) return { message: undefined, code: undefined }
  const record = body as Record<string, unknown>
  const description = nonEmpty(record.error_description)
  const code = description ? nonEmpty(record.error) : undefined
  const message =
    nonEmpty(record.message) ??
    fieldMessages(record.message) ??
    description ??
    nonEmpty(record.error) ??
    fieldMessages(record.error)
  return { message: message && token ? message.split(token).join('[token]') : message, code }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** `{"url":["is blocked"], "base":["…"]}` → `url is blocked; …` (base errors need no field). */
function fieldMessages(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const parts = Object.entries(value as Record<string, unknown>).flatMap(([field, messages]) =>
    (Array.isArray(messages) ? messages : [messages])
      .filter((message): message is string => typeof message === 'string')
      .map((message) => (field === 'base' ? message : `${field} ${message}`)),
  )
  return parts.length > 0 ? parts.slice(0, 5).join('; ') : undefined
}
