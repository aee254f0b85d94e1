/**
 * isomorphic-git failures → ProviderError. Its errors carry a string `code`
 * (isomorphic-git/isomorphic-git:src/errors/); an HttpError has `data.statusCode` and the body
 * text in `data.response`.
 */
import { ProviderError } from '../errors.ts'
import { errorFromFetchFailure, errorFromHttpFailure } from '../http-errors.ts'
import { redact, reviseProviderError } from '../http.ts'

export interface GitFailureContext {
  /** Whether requests went through a CORS proxy. */
  proxied: boolean
  hasToken: boolean
  /** Headers of the last answer, for Retry-After on a 429. */
  headers: Headers
  secrets: string[]
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined
}

function plainText(text: unknown, secrets: string[]): string | undefined {
  if (typeof text !== 'string' || /^\s*</.test(text)) return undefined
  const flat = redact(text, secrets).replace(/\s+/g, ' ').trim()
  return flat === '' ? undefined : flat.slice(0, 300)
}

function fromHttpError(data: unknown, context: GitFailureContext): ProviderError {
  const status = Number(field(data, 'statusCode'))
  const detail = plainText(field(data, 'response'), context.secrets)
  // Azure Repos answers a refused credential with a 203 sign-in page (isomorphic-git treats it so).
  if (status === 203) {
    return new ProviderError('unauthorized', 'The git host answered with a sign-in page.', {
      status,
      subject: 'token',
    })
  }
  const error = errorFromHttpFailure(
    { status, headers: context.headers, ...(detail === undefined ? {} : { detail }) },
    { unauthorizedSubject: 'token', notFoundSubject: 'repository-url' },
  )
  if (error.kind === 'unauthorized' && !context.hasToken) {
    return reviseProviderError(error, {
      message: 'The repository needs credentials.',
      detail: 'Add a token (and the user name the host expects, if any).',
    })
  }
  if (error.kind === 'not-found') {
    return reviseProviderError(error, {
      message: 'There is no git repository at this URL.',
      detail:
        'Check the repository URL. Some hosts also answer 404 when the token cannot read a private repository.',
    })
  }
  return error
}

function networkFailure(cause: unknown, proxied: boolean): ProviderError {
  const error = errorFromFetchFailure(cause)
  if (error.networkCause === 'offline') return error
  return reviseProviderError(error, {
    subject: 'cors-proxy',
    detail: proxied
      ? 'The CORS proxy could not be reached, or it refused this request. Check the proxy URL and that it allows this app’s origin.'
      : 'Most git hosts (GitHub, GitLab, Bitbucket, Azure Repos) send no CORS headers on git URLs, so a browser cannot read them directly. Set a CORS proxy URL, or save the connection without verifying it.',
  })
}

export function errorFromGit(error: unknown, context: GitFailureContext): ProviderError {
  switch (field(error, 'code')) {
    case 'HttpError':
      return fromHttpError(field(error, 'data'), context)
    case 'SmartHttpError':
      return new ProviderError(
        'invalid-response',
        'The URL did not answer like a git repository.',
        {
          subject: 'repository-url',
          detail: context.proxied
            ? 'Expected a git smart-HTTP answer. Check the repository URL and the CORS proxy URL.'
            : 'Expected a git smart-HTTP answer. Check the repository URL (it often ends in .git).',
        },
      )
    case 'UrlParseError':
    case 'UnknownTransportError':
      return new ProviderError('unsupported', 'A browser can only reach git over http(s).', {
        subject: 'repository-url',
      })
    case 'ParseError':
    case 'EmptyServerResponseError':
      return new ProviderError(
        'invalid-response',
        'The git host sent an answer that could not be read.',
        {
          subject: 'repository-url',
        },
      )
    default:
      // fetch() rejects with a TypeError for DNS, TLS, offline and CORS alike, in every browser.
      if (field(error, 'name') === 'TypeError') return networkFailure(error, context.proxied)
      return new ProviderError('invalid-response', 'The git client failed.', {
        subject: 'repository-url',
        ...(error instanceof Error ? { detail: plainText(error.message, context.secrets) } : {}),
      })
  }
}
