/**
 * Every provider failure becomes one ProviderError with a kind; the UI turns the kind (and, where
 * the adapter knows it, the reason) into a sentence that says what to do
 * (lib/provider-error-message.ts). The provider's own words travel apart from ours, so the UI
 * can quote them as the provider's and never passes our hint off as theirs. Nothing here ever
 * carries a token: adapters build errors from status codes and the provider's text, redacted.
 */

export type ProviderErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  /** 400, 409 or 422: the provider understood the request and refused it as invalid. */
  | 'invalid-request'
  | 'rate-limited'
  | 'network'
  | 'unsupported'
  | 'invalid-response'
  | 'server'

/**
 * What the adapter knows about the cause beyond the kind, so that no caller reads error text to
 * find out. A closed list: a new reason is a new case the message code must handle.
 */
export type ProviderErrorReason =
  /** The token lacks a scope, permission or role the call needs. */
  | 'missing-scope'
  /** The webhook asked for is not on the repository (anymore). */
  | 'hook-not-found'
  /** The remote has no branch by the name asked for. */
  | 'no-such-branch'
  /** The remote has no branches at all yet. */
  | 'empty-repository'
  /** The remote asks for credentials and none were sent. */
  | 'credentials-required'
  /** The CORS proxy the connection goes through did not answer, or refused the request. */
  | 'proxy-unreachable'
  /** The CORS proxy answered that it could not get an answer from the remote behind it (502…). */
  | 'proxy-failed'
  /** A git remote reached without a proxy sent nothing the browser may read (CORS, DNS, TLS). */
  | 'remote-unreachable'

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
  reason?: ProviderErrorReason
  /** What the provider itself said (its error message, validation details), free of secrets. */
  providerMessage?: string
  /**
   * The adapter's own sentence for this cause, saying what happened and what to do; shown instead
   * of the kind's general sentence. Never the provider's words: those go in `providerMessage`.
   */
  hint?: string
  /** Secondary (abuse) rate limits are told apart from the hourly quota on GitHub. */
  secondary?: boolean
}

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind
  readonly status: number | undefined
  readonly resetAt: number | undefined
  readonly networkCause: NetworkCause | undefined
  readonly subject: ErrorSubject | undefined
  readonly reason: ProviderErrorReason | undefined
  readonly providerMessage: string | undefined
  readonly hint: string | undefined
  readonly secondary: boolean

  constructor(kind: ProviderErrorKind, message: string, options: ProviderErrorOptions = {}) {
    super(message)
    this.name = 'ProviderError'
    this.kind = kind
    this.status = options.status
    this.resetAt = options.resetAt
    this.networkCause = options.networkCause
    this.subject = options.subject
    this.reason = options.reason
    this.providerMessage = options.providerMessage
    this.hint = options.hint
    this.secondary = options.secondary ?? false
  }

  /** The options this error was made with, for a copy with some of them changed. */
  options(): ProviderErrorOptions {
    const options: ProviderErrorOptions = { secondary: this.secondary }
    if (this.status !== undefined) options.status = this.status
    if (this.resetAt !== undefined) options.resetAt = this.resetAt
    if (this.networkCause !== undefined) options.networkCause = this.networkCause
    if (this.subject !== undefined) options.subject = this.subject
    if (this.reason !== undefined) options.reason = this.reason
    if (this.providerMessage !== undefined) options.providerMessage = this.providerMessage
    if (this.hint !== undefined) options.hint = this.hint
    return options
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError
}
