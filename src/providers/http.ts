/**
 * A small typed fetch client for the providers we reach without an SDK (Bitbucket, Azure DevOps).
 * It owns the parts every such adapter must get right the same way: auth header, timeout, abort,
 * JSON parsing into a checked shape, and turning every failure into one ProviderError.
 */
import { ProviderError, type ProviderErrorOptions } from './errors.ts'
import { errorFromFetchFailure, errorFromHttpFailure, type FailureContext } from './http-errors.ts'

export const DEFAULT_TIMEOUT_MS = 20_000

/** Turns parsed JSON into T, or throws. A zod schema's `parse` fits (`(v) => Schema.parse(v)`). */
export type Validate<T> = (value: unknown) => T

export interface HttpClientOptions {
  /** e.g. `https://api.bitbucket.org/2.0` or an Azure DevOps collection URL; no trailing slash. */
  baseUrl: string
  /** The whole `Authorization` header value, when the provider needs one. */
  authorization?: string
  /** Strings that must never reach an error message (the token, the header value). */
  secrets?: string[]
  timeoutMs?: number
  /** Which form field a 401 or a 404 points at, unless a request says otherwise. */
  context?: FailureContext
  /** The provider's own words from an error body (parsed JSON, or the raw text). */
  errorDetail?: (body: unknown) => string | undefined
  /**
   * Azure DevOps answers a refused credential with a 203 (or 200) HTML sign-in page instead of a
   * 401 (isomorphic-git's discovery code documents the same quirk). When set, an HTML success is
   * reported as `unauthorized` rather than `invalid-response`.
   */
  htmlMeansSignIn?: boolean
  /** Reword a fetch that never got an answer (CORS hints differ per provider). */
  onNetworkFailure?: (error: ProviderError) => ProviderError
}

export interface RequestOptions<T> {
  /** GET unless said; writes send `body` as JSON. */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** Checks the parsed answer; an empty answer (204) is passed as null. */
  validate: Validate<T>
  query?: Record<string, string | number | undefined>
  signal?: AbortSignal
  /** Overrides the client's context for this request. */
  context?: FailureContext
}

export interface JsonResponse<T> {
  data: T
  status: number
  headers: Headers
}

export interface HttpClient {
  /** Any method; JSON in and out. */
  request<T>(path: string, options: RequestOptions<T>): Promise<JsonResponse<T>>
  /** `request` with GET, the common case. */
  getJson<T>(
    path: string,
    options: Omit<RequestOptions<T>, 'method' | 'body'>,
  ): Promise<JsonResponse<T>>
}

/** `Basic base64(user:password)`, UTF-8 safe (btoa alone throws outside Latin-1). */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return `Basic ${btoa(binary)}`
}

/** A copy of a ProviderError with some fields replaced (ProviderError is immutable). */
export function reviseProviderError(
  error: ProviderError,
  patch: ProviderErrorOptions & { message?: string },
): ProviderError {
  const { message, ...options } = patch
  return new ProviderError(error.kind, message ?? error.message, { ...error.options(), ...options })
}

/** Replaces every secret in provider text; tokens must never reach an error message. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join('[redacted]')
  }
  return result
}

const MAX_DETAIL = 300

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_DETAIL ? `${flat.slice(0, MAX_DETAIL - 1)}…` : flat
}

function looksLikeHtml(text: string, headers: Headers): boolean {
  return /text\/html/i.test(headers.get('content-type') ?? '') || /^\s*</.test(text)
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/**
 * `message` (Azure DevOps: `{ message, typeKey, … }`, GitLab), or `error` as a string (GitLab's
 * `{"error": "Invalid url given"}`) or as `{ message }` (Bitbucket), else short plain text.
 */
function defaultErrorDetail(body: unknown): string | undefined {
  if (typeof body === 'string') return body
  if (typeof body !== 'object' || body === null) return undefined
  if ('message' in body && typeof body.message === 'string') return body.message
  if ('error' in body) {
    const inner = body.error
    if (typeof inner === 'string') return inner
    if (typeof inner === 'object' && inner !== null && 'message' in inner) {
      return typeof inner.message === 'string' ? inner.message : undefined
    }
  }
  return undefined
}

/** "path: message" for validation issues (zod's shape), else the error's message. */
function describeValidationError(error: unknown): string | undefined {
  if (
    typeof error === 'object' &&
    error !== null &&
    'issues' in error &&
    Array.isArray(error.issues)
  ) {
    const issues: unknown[] = error.issues
    return issues
      .slice(0, 3)
      .map((issue) => {
        if (typeof issue !== 'object' || issue === null) return String(issue)
        const path = 'path' in issue && Array.isArray(issue.path) ? issue.path.join('.') : ''
        const message = 'message' in issue ? String(issue.message) : 'invalid'
        return path ? `${path}: ${message}` : message
      })
      .join('; ')
  }
  return error instanceof Error ? error.message : undefined
}

function buildUrl(baseUrl: string, path: string, query: RequestOptions<unknown>['query']): string {
  let url = `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
  const pairs = Object.entries(query ?? {}).filter(
    (pair): pair is [string, string | number] => pair[1] !== undefined,
  )
  if (pairs.length > 0) {
    // Keys are our own constants ($top, api-version) and stay readable; values are encoded.
    const search = pairs.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    url += (url.includes('?') ? '&' : '?') + search.join('&')
  }
  return url
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const secrets = [
    ...(options.secrets ?? []),
    ...(options.authorization ? [options.authorization] : []),
  ]
  const extractDetail = options.errorDetail ?? defaultErrorDetail
  const clean = (text: string | undefined) =>
    text === undefined || text.trim() === '' ? undefined : clip(redact(text, secrets))

  function detailOf(text: string, headers: Headers): string | undefined {
    const parsed = parseJson(text)
    if (parsed.ok) return clean(extractDetail(parsed.value))
    // An HTML error page says nothing useful in a sentence; short plain text might.
    return looksLikeHtml(text, headers) ? undefined : clean(extractDetail(text))
  }

  async function send<T>(path: string, request: RequestOptions<T>): Promise<JsonResponse<T>> {
    const context = { ...options.context, ...request.context }
    const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (options.authorization) headers.Authorization = options.authorization
    if (request.body !== undefined) headers['Content-Type'] = 'application/json'

    let response: Response
    let text: string
    try {
      response = await fetch(buildUrl(options.baseUrl, path, request.query), {
        method: request.method ?? 'GET',
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal,
        // Tokens go in the header we set, never in cookies; answers must not come from a cache
        // that could outlive a revoked token.
        cache: 'no-store',
        credentials: 'omit',
        // Not 'follow': an API call that redirects is almost always being sent to a sign-in page
        // (Azure DevOps Server behind SSO, or Services refusing a PAT), and following it would end
        // in an HTML page or a CORS failure. Not 'error': that rejects with the same TypeError as
        // DNS or CORS, so we could not tell. With 'manual' browsers hand us an opaque-redirect
        // response (status 0) and Node hands us the 3xx, both of which we recognise below.
        redirect: 'manual',
      })
      text = await response.text()
    } catch (error) {
      // The caller cancelled: not a failure, rethrow exactly what fetch gave us.
      if (request.signal?.aborted) throw error
      if (timeout.aborted) {
        throw new ProviderError('network', 'The provider did not answer in time.', {
          networkCause: 'timeout',
        })
      }
      const failure = errorFromFetchFailure(error)
      throw options.onNetworkFailure ? options.onNetworkFailure(failure) : failure
    }

    const { status } = response
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      // A redirect is how a refusal looks here: the kind's sentence for a refused token fits.
      throw new ProviderError('unauthorized', 'The provider sent the request to a sign-in page.', {
        ...(status === 0 ? {} : { status }),
        subject: context.unauthorizedSubject ?? 'token',
      })
    }
    if (!response.ok) {
      throw errorFromHttpFailure(
        { status, headers: response.headers, providerMessage: detailOf(text, response.headers) },
        context,
      )
    }
    if (options.htmlMeansSignIn && (status === 203 || looksLikeHtml(text, response.headers))) {
      throw new ProviderError('unauthorized', 'The provider answered with a sign-in page.', {
        status,
        subject: context.unauthorizedSubject ?? 'token',
      })
    }
    // A write answered with no content (204, or an empty 200/202) has nothing to parse.
    const parsed =
      text.trim() === '' && status !== 200 ? { ok: true as const, value: null } : parseJson(text)
    if (!parsed.ok) {
      throw new ProviderError('invalid-response', 'The provider did not answer with JSON.', {
        status,
      })
    }
    let data: T
    try {
      data = request.validate(parsed.value)
    } catch (error) {
      // Our parser's complaint is neither the provider's words nor advice: it stays in the message.
      const issues = clean(describeValidationError(error))
      throw new ProviderError(
        'invalid-response',
        `The provider answered in an unexpected shape${issues ? ` (${issues})` : ''}.`,
        { status },
      )
    }
    return { data, status, headers: response.headers }
  }

  return {
    request: send,
    getJson: (path, request) => send(path, { ...request, method: 'GET' }),
  }
}
