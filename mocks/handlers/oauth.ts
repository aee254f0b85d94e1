/**
 * The token endpoints of demo sign-in: the deployment's GitHub token-exchange URL (which answers
 * exactly what github.com/login/oauth/access_token answers, errors included as 200 + `error`), and
 * GitLab's `/oauth/token` on any host (errors as 400/401 + `error`, the OAuth way).
 *
 * Each checks what the real one checks: the code's client and redirect URI, that it is fresh and
 * unspent, and that SHA-256 of `code_verifier` is the challenge given on the authorize page.
 * Refresh tokens are spent on use and new ones are issued, as both providers do.
 * https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens
 * https://docs.gitlab.com/api/oauth2/
 */
import { http, HttpResponse, type RequestHandler } from 'msw'
import { DEMO_TOKEN_EXCHANGE_URL } from '../oauth/demo-sign-in.ts'
import {
  ACCESS_TOKEN_SECONDS,
  decodeCode,
  hasLapsed,
  mintToken,
  REFRESH_TOKEN_SECONDS,
  s256,
  type DemoCode,
} from '../oauth/grants.ts'
import { mockState } from '../state.ts'
import { preflight } from './demo-http.ts'

type Provider = DemoCode['provider']

interface Refusal {
  error: string
  error_description: string
  /** GitLab's status; GitHub always answers 200. */
  status: number
}

const GITHUB_TROUBLESHOOTING =
  'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors'

const refusals = {
  github: {
    badCode: {
      error: 'bad_verification_code',
      error_description: 'The code passed is incorrect or expired.',
      status: 200,
    },
    client: {
      error: 'incorrect_client_credentials',
      error_description: 'The client_id and/or client_secret passed are incorrect.',
      status: 200,
    },
    redirect: {
      error: 'redirect_uri_mismatch',
      error_description:
        'The redirect_uri MUST match the registered callback URL for this application.',
      status: 200,
    },
    refresh: {
      error: 'bad_refresh_token',
      error_description: 'The refresh token passed is incorrect or expired.',
      status: 200,
    },
  },
  gitlab: {
    badCode: {
      error: 'invalid_grant',
      error_description:
        'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      status: 400,
    },
    client: {
      error: 'invalid_client',
      error_description:
        'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      status: 401,
    },
    redirect: {
      error: 'invalid_grant',
      error_description:
        'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      status: 400,
    },
    refresh: {
      error: 'invalid_grant',
      error_description:
        'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      status: 400,
    },
  },
} satisfies Record<Provider, Record<string, Refusal>>

const CORS = { 'access-control-allow-origin': '*' }

function refuse(provider: Provider, refusal: Refusal): Response {
  const { error, error_description } = refusal
  const body =
    provider === 'github'
      ? {
          error,
          error_description,
          error_uri: `${GITHUB_TROUBLESHOOTING}#${error.replace(/_/g, '-')}`,
        }
      : { error, error_description }
  return HttpResponse.json(body, { status: refusal.status, headers: CORS })
}

/** A new access token (and refresh token when it expires), in the provider's answer shape. */
function tokens(provider: Provider, expiring: boolean): Response {
  if (provider === 'gitlab') {
    return HttpResponse.json(
      {
        access_token: mintToken('demo_gitlab_oauth_', ACCESS_TOKEN_SECONDS.gitlab),
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_SECONDS.gitlab,
        refresh_token: mintToken('demo_gitlab_refresh_', REFRESH_TOKEN_SECONDS.gitlab),
        scope: 'api',
        created_at: Math.floor(Date.now() / 1000),
      },
      { headers: CORS },
    )
  }
  if (!expiring) {
    return HttpResponse.json(
      {
        access_token: mintToken('gho_demo_', null),
        token_type: 'bearer',
        scope: 'admin:repo_hook,read:user,repo,user:email',
      },
      { headers: CORS },
    )
  }
  return HttpResponse.json(
    {
      access_token: mintToken('ghu_demo_', ACCESS_TOKEN_SECONDS.github),
      expires_in: ACCESS_TOKEN_SECONDS.github,
      refresh_token: mintToken('ghr_demo_', REFRESH_TOKEN_SECONDS.github),
      refresh_token_expires_in: REFRESH_TOKEN_SECONDS.github,
      token_type: 'bearer',
      scope: '',
    },
    { headers: CORS },
  )
}

async function answer(provider: Provider, request: Request): Promise<Response> {
  const form = new URLSearchParams(await request.text())
  const said = refusals[provider]
  const grantType = form.get('grant_type') ?? 'authorization_code'

  if (grantType === 'refresh_token') {
    const refreshToken = form.get('refresh_token') ?? ''
    const unusable =
      !refreshToken ||
      /revoked/.test(refreshToken) ||
      hasLapsed(refreshToken) ||
      mockState.spentGrants.has(refreshToken)
    if (unusable) return refuse(provider, said.refresh)
    mockState.spentGrants.add(refreshToken)
    return tokens(provider, true)
  }

  const text = form.get('code') ?? ''
  const code = decodeCode(text)
  if (!code || code.provider !== provider || mockState.spentGrants.has(text)) {
    return refuse(provider, said.badCode)
  }
  if (code.clientId !== form.get('client_id')) return refuse(provider, said.client)
  if (code.redirectUri !== form.get('redirect_uri')) return refuse(provider, said.redirect)
  const verifier = form.get('code_verifier') ?? ''
  if (code.expiresAt <= Date.now() || !verifier || (await s256(verifier)) !== code.challenge) {
    return refuse(provider, said.badCode)
  }
  mockState.spentGrants.add(text)
  if (code.outcome === 'server-error') {
    return new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', {
      status: 502,
      headers: { 'content-type': 'text/html' },
    })
  }
  if (code.outcome === 'refused') return refuse(provider, said.badCode)
  return tokens(provider, code.tokenKind === 'expiring')
}

export const oauthHandlers: RequestHandler[] = [
  preflight(DEMO_TOKEN_EXCHANGE_URL),
  http.post(DEMO_TOKEN_EXCHANGE_URL, ({ request }) => answer('github', request)),
  http.post('*/oauth/token', ({ request }) => answer('gitlab', request)),
]
