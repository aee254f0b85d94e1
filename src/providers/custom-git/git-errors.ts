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
  const providerMessage = plainText(field(data, 'response'), context.secrets)
  const said = providerMessage === undefined ? {} : { providerMessage }
  // Azure Repos answers a refused credential with a 203 sign-in page (isomorphic-git treats it so).
  const error =
    status === 203
      ? new ProviderError('unauthorized', 'The git host answered with a sign-in page.', {
          status,
          subject: 'token',
        })
      : errorFromHttpFailure(
          { status, headers: context.headers, ...said },
          { unauthorizedSubject: 'token', notFoundSubject: 'repository-url' },
        )
  if (error.kind === 'unauthorized' && !context.hasToken) {
    // Nothing was refused: none was sent. The sentence must ask for credentials, not blame them.
    return reviseProviderError(error, {
      message: 'The repository needs credentials.',
      reason: 'credentials-required',
      hint: 'This repository needs credentials: enter a token or password (and the git username the host expects, if any).',
    })
  }
  if (error.kind === 'not-found') {
    return reviseProviderError(error, {
      message: 'There is no git repository at this URL.',
      hint: 'There is no git repository at this URL. Check the repository URL; some hosts also answer 404 when the token cannot read a private repository.',
    })
  }
  // @isomorphic-git/cors-proxy answers 502 when its own fetch of the remote fails (index.js):
  // the proxy is up, the remote behind it is not answering it. A 503/504 is the same story.
  if (context.proxied && (status === 502 || status === 503 || status === 504)) {
    return reviseProviderError(error, {
      message: 'The CORS proxy could not get an answer from the remote.',
      reason: 'proxy-failed',
    })
  }
  return error
}

function networkFailure(cause: unknown, proxied: boolean): ProviderError {
  const error = errorFromFetchFailure(cause)
  if (error.networkCause === 'offline') return error
  return proxied
    ? reviseProviderError(error, {
        message: 'The CORS proxy could not be reached.',
        subject: 'cors-proxy',
        reason: 'proxy-unreachable',
      })
    : reviseProviderError(error, {
        message: 'The remote sent nothing the browser may read.',
        subject: 'cors-proxy',
        reason: 'remote-unreachable',
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
          hint: context.proxied
            ? 'The URL did not answer like a git repository (smart HTTP). Check the repository URL and the CORS proxy URL.'
            : 'The URL did not answer like a git repository (smart HTTP). Check the repository URL (it often ends in .git).',
        },
      )
    case 'UrlParseError':
    case 'UnknownTransportError':
      return new ProviderError('unsupported', 'A browser can only reach git over http(s).', {
        subject: 'repository-url',
        hint: 'Enter the repository’s https:// URL: a browser can only reach git over HTTP(S).',
      })
    case 'ParseError':
    case 'EmptyServerResponseError':
      return new ProviderError(
        'invalid-response',
        'The git host sent an answer that could not be read.',
        {
          subject: 'repository-url',
          hint: 'The git host sent an answer that could not be read. Check the repository URL.',
        },
      )
    default:
      // fetch() rejects with a TypeError for DNS, TLS, offline and CORS alike, in every browser.
      if (field(error, 'name') === 'TypeError') return networkFailure(error, context.proxied)
      // The git client's own complaint is kept for diagnosis, not shown as the remote's words.
      return new ProviderError(
        'invalid-response',
        `The git client failed${error instanceof Error ? `: ${plainText(error.message, context.secrets) ?? ''}` : '.'}`,
        { subject: 'repository-url' },
      )
  }
}
