/**
 * A small fetch client for GitLab's REST API (v4). Plain fetch rather than @gitbeaker/rest:
 * gitbeaker's requester retries 429 and 502 ten times and then throws an error with no status or
 * headers (no rate-limit kind, no reset time), and turns a cancelled request into a
 * GitbeakerTimeoutError instead of the caller's AbortError.
 */
import { ProviderError, type ErrorSubject } from '../errors.ts'
import { errorFromFetchFailure, errorFromHttpFailure, isAbortError } from '../http-errors.ts'
import type { ProviderTarget } from '../types.ts'

export type GitLabTarget = Extract<ProviderTarget, { type: 'gitlab' | 'gitlab-self-managed' }>

export interface GitLabApi {
  /** `https://host/api/v4`, no trailing slash. */
  readonly url: string
  readonly token: string
  /**
   * What a 404 or a non-JSON answer points at: on a self-managed instance, most likely a base URL
   * that is not GitLab.
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

/**
 * GET a path under /api/v4 and return its JSON. Throws ProviderError for every failure, and the
 * caller's AbortError untouched. The token goes out as `Bearer`: GitLab strips `PRIVATE-TOKEN` less
 * reliably on cross-origin redirects (research §2.2), and OAuth tokens need Bearer anyway.
 */
export async function gitlabGet(
  api: GitLabApi,
  path: string,
  signal?: AbortSignal,
): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(`${api.url}${path}`, {
      headers: { authorization: `Bearer ${api.token}`, accept: 'application/json' },
      signal,
    })
  } catch (error) {
    throw isAbortError(error) ? error : errorFromFetchFailure(error, signal)
  }
  const subject = api.notFoundSubject
  if (!response.ok) {
    const detail = await readDetail(response, api.token)
    throw errorFromHttpFailure(
      { status: response.status, headers: response.headers, ...(detail ? { detail } : {}) },
      subject ? { notFoundSubject: subject } : {},
    )
  }
  try {
    return await response.json()
  } catch (error) {
    if (isAbortError(error)) throw error
    throw new ProviderError('invalid-response', 'GitLab sent an answer that is not JSON.', {
      status: response.status,
      ...(subject ? { subject } : {}),
    })
  }
}

/**
 * GitLab's error bodies: `{"message":"401 Unauthorized"}`, `{"message":{"field":["…"]}}` or OAuth's
 * `{"error":"insufficient_scope","error_description":"…"}`. Anything else (an HTML error page from
 * a proxy) gives no detail.
 */
async function readDetail(response: Response, token: string): Promise<string | undefined> {
  let body: unknown
  try {
    body = JSON.parse(await response.text())
  } catch (error) {
    if (isAbortError(error)) throw error
    return undefined
  }
  if (typeof body !== 'object' || body === null) return undefined
  const record = body as Record<string, unknown>
  const text = [record.message, record.error_description, record.error].find(
    (value): value is string => typeof value === 'string' && value !== '',
  )
  const detail = text ?? (record.message === undefined ? undefined : JSON.stringify(record.message))
  return detail && token ? detail.split(token).join('[token]') : detail
}
