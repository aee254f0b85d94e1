/**
 * Every provider failure becomes one ProviderError with a kind; the UI turns the kind into a
 * sentence that says what to do (lib/provider-error-message.ts). Messages and details never carry
 * a token: adapters build them from status codes and the provider's own error text only.
 */

export type ProviderErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'network'
  | 'unsupported'
  | 'invalid-response'
  | 'server'

/** What a `network` failure most likely was, as far as a browser lets us tell. */
export type NetworkCause = 'offline' | 'timeout' | 'unreachable'

/** The input a failure points at, so the form can show the message next to that field. */
export type ErrorSubject =
  | 'token'
  | 'base-url'
  | 'organization'
  | 'collection-url'
  | 'email'
  | 'workspace'
  | 'username'
  | 'repository-url'
  | 'branch'
  | 'cors-proxy'

export interface ProviderErrorOptions {
  status?: number
  /** When a rate limit resets (epoch ms). */
  resetAt?: number
  networkCause?: NetworkCause
  subject?: ErrorSubject
  /** The provider's own explanation, already free of secrets. */
  detail?: string
  /** Secondary (abuse) rate limits are told apart from the hourly quota on GitHub. */
  secondary?: boolean
}

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind
  readonly status: number | undefined
  readonly resetAt: number | undefined
  readonly networkCause: NetworkCause | undefined
  readonly subject: ErrorSubject | undefined
  readonly detail: string | undefined
  readonly secondary: boolean

  constructor(kind: ProviderErrorKind, message: string, options: ProviderErrorOptions = {}) {
    super(message)
    this.name = 'ProviderError'
    this.kind = kind
    this.status = options.status
    this.resetAt = options.resetAt
    this.networkCause = options.networkCause
    this.subject = options.subject
    this.detail = options.detail
    this.secondary = options.secondary ?? false
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError
}
