/**
 * The token endpoint, through oauth4webapi: the code with its PKCE verifier becomes a token, and
 * a refresh token becomes a fresh one. Loaded only when a sign-in finishes or a token is due.
 *
 * GitHub's endpoint (and the deployment's exchange URL that stands in for it) answers 200 with an
 * `error` field when it refuses, where OAuth says 400; that answer is turned into the same refusal.
 */
import {
  authorizationCodeGrantRequest,
  None,
  processAuthorizationCodeResponse,
  processRefreshTokenResponse,
  refreshTokenGrantRequest,
  ResponseBodyError,
  validateAuthResponse,
  WWWAuthenticateChallengeError,
  AuthorizationResponseError,
  type AuthorizationServer,
  type Client,
  type TokenEndpointResponse,
} from 'oauth4webapi'

/** Where a token comes from: one OAuth application on one server. */
export interface TokenEndpoint {
  /** The server's web origin, standing in for the issuer (neither provider sends `iss`). */
  webBase: string
  authorizeUrl: string
  tokenUrl: string
  clientId: string
}

/** A token as the endpoint granted it. */
export interface TokenGrant {
  accessToken: string
  /** GitHub App user tokens and GitLab tokens come with one; OAuth App tokens do not. */
  refreshToken: string | undefined
  expiresAt: string | null
  /** Granted scopes; null when the answer names none. */
  scopes: string[] | null
}

export type TokenFailureKind =
  /** The person declined on the provider's page. */
  | 'denied'
  /** The server refused the code or refresh token (expired, used, wrong verifier, revoked). */
  | 'refused'
  /** Nothing usable came back: unreachable, 5xx, not JSON. */
  | 'unavailable'

export class TokenEndpointError extends Error {
  constructor(
    readonly kind: TokenFailureKind,
    message: string,
    /** The server's `error` code, e.g. `bad_verification_code`, `invalid_grant`. */
    readonly code: string | null = null,
  ) {
    super(message)
    this.name = 'TokenEndpointError'
  }
}

const TIMEOUT_MS = 20_000

function server(endpoint: TokenEndpoint): AuthorizationServer {
  return {
    issuer: endpoint.webBase,
    authorization_endpoint: endpoint.authorizeUrl,
    token_endpoint: endpoint.tokenUrl,
  }
}

/**
 * Checks the callback's parameters against the flow's `state` and exchanges its code.
 * @throws TokenEndpointError
 */
export async function exchangeCode(
  endpoint: TokenEndpoint,
  callback: URLSearchParams,
  flow: { state: string; verifier: string; redirectUri: string },
): Promise<TokenGrant> {
  const as = server(endpoint)
  const client: Client = { client_id: endpoint.clientId }
  return granted(async () => {
    const parameters = validateAuthResponse(as, client, callback, flow.state)
    const response = await authorizationCodeGrantRequest(
      as,
      client,
      None(),
      parameters,
      flow.redirectUri,
      flow.verifier,
      { signal: AbortSignal.timeout(TIMEOUT_MS) },
    )
    return processAuthorizationCodeResponse(as, client, await refusalIn200(response))
  })
}

/** @throws TokenEndpointError */
export async function refreshGrant(
  endpoint: TokenEndpoint,
  refreshToken: string,
  redirectUri: string,
): Promise<TokenGrant> {
  const as = server(endpoint)
  const client: Client = { client_id: endpoint.clientId }
  return granted(async () => {
    const response = await refreshTokenGrantRequest(as, client, None(), refreshToken, {
      // GitLab's documentation sends the redirect URI with a PKCE application's refresh.
      additionalParameters: { redirect_uri: redirectUri },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    return processRefreshTokenResponse(as, client, await refusalIn200(response))
  })
}

async function granted(request: () => Promise<TokenEndpointResponse>): Promise<TokenGrant> {
  let answer: TokenEndpointResponse
  try {
    answer = await request()
  } catch (error) {
    throw asTokenEndpointError(error)
  }
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt:
      answer.expires_in === undefined
        ? null
        : new Date(Date.now() + answer.expires_in * 1000).toISOString(),
    // GitHub separates scopes with commas, OAuth with spaces.
    scopes: answer.scope ? answer.scope.split(/[\s,]+/).filter(Boolean) : null,
  }
}

/** GitHub's 200 with `{ error }` becomes the 400 OAuth would have sent, so one path reads both. */
async function refusalIn200(response: Response): Promise<Response> {
  if (response.status !== 200) return response
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null)
  if (!isRecord(body) || typeof body.error !== 'string') return response
  return new Response(JSON.stringify(body), {
    status: 400,
    headers: { 'content-type': 'application/json' },
  })
}

function asTokenEndpointError(error: unknown): TokenEndpointError {
  if (error instanceof TokenEndpointError) return error
  if (error instanceof AuthorizationResponseError) {
    const kind = error.error === 'access_denied' ? 'denied' : 'refused'
    return new TokenEndpointError(kind, error.error_description ?? error.error, error.error)
  }
  if (error instanceof ResponseBodyError) {
    const server5xx = error.status >= 500
    return new TokenEndpointError(
      server5xx ? 'unavailable' : 'refused',
      error.error_description ?? error.error,
      error.error,
    )
  }
  if (error instanceof WWWAuthenticateChallengeError) {
    const challenge = error.cause[0]
    const code = challenge?.parameters.error ?? null
    return new TokenEndpointError(
      'refused',
      challenge?.parameters.error_description ?? code ?? 'refused',
      code,
    )
  }
  if (
    error instanceof DOMException &&
    (error.name === 'TimeoutError' || error.name === 'AbortError')
  ) {
    return new TokenEndpointError('unavailable', 'The token endpoint did not answer in time.')
  }
  if (error instanceof TypeError) {
    // fetch's own failure: offline, DNS, or a CORS refusal the browser does not explain.
    return new TokenEndpointError('unavailable', 'The token endpoint could not be reached.')
  }
  const status = statusOf(error)
  if (status !== null && status < 500 && status >= 400) {
    return new TokenEndpointError('refused', `The token endpoint answered ${status}.`)
  }
  return new TokenEndpointError(
    'unavailable',
    status === null
      ? 'The token endpoint gave an answer that is not a token.'
      : `The token endpoint answered ${status}.`,
  )
}

/** oauth4webapi's processing errors carry the response as their cause. */
function statusOf(error: unknown): number | null {
  if (!(error instanceof Error)) return null
  const { cause } = error
  return cause instanceof Response ? cause.status : null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
