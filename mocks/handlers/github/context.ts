/** Routes on both api.github.com and GHES, their token check, and GitHub's error answers. */
import { http, HttpResponse, type HttpResponseResolver } from 'msw'
import { hasLapsed } from '../../oauth/grants.ts'
import { githubHeaders } from './headers.ts'
import { DOTCOM_API, ENTERPRISE_API, REVOKED_TOKEN, siteOf, tokenOf, type Site } from './site.ts'

const DOCS = 'https://docs.github.com/rest'

/** GitHub's 401: "Requires authentication" without a token, "Bad credentials" with a bad one. */
function unauthorized(site: Site, token: string | null): Response {
  const body = token
    ? {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      }
    : {
        message: 'Requires authentication',
        documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
        status: '401',
      }
  return HttpResponse.json(body, { status: 401, headers: githubHeaders(site, null) })
}

export interface Context {
  request: Request
  site: Site
  token: string
  params: Record<string, string>
}

/** A handler that answers 401 unless the request carries an accepted token. */
function authenticated(
  respond: (context: Context) => Response | Promise<Response>,
): HttpResponseResolver {
  return ({ request, params }) => {
    const site = siteOf(request)
    const token = tokenOf(request)
    // A signed-in token past its expiry gets the same 401 as a revoked one, as on GitHub.
    if (!token || token === REVOKED_TOKEN || hasLapsed(token)) return unauthorized(site, token)
    const strings: Record<string, string> = {}
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'string') strings[name] = decodeURIComponent(value)
    }
    return respond({ request, site, token, params: strings })
  }
}

type Method = 'get' | 'post' | 'delete'

/** The same route on api.github.com and on any GHES host. */
export function route(
  method: Method,
  path: string,
  respond: (context: Context) => Response | Promise<Response>,
) {
  const resolver = authenticated(respond)
  return [
    http[method](`${DOTCOM_API}${path}`, resolver),
    http[method](`${ENTERPRISE_API}${path}`, resolver),
  ]
}

function errorBody(message: string, docs: string, status: number, extra: object = {}) {
  return { message, ...extra, documentation_url: `${DOCS}/${docs}`, status: String(status) }
}

export function failure(
  context: Context,
  status: number,
  message: string,
  docs: string,
  extra: object = {},
): Response {
  return HttpResponse.json(errorBody(message, docs, status, extra), {
    status,
    headers: githubHeaders(context.site, context.token),
  })
}

export function notFound(context: Context, docs: string): Response {
  return failure(context, 404, 'Not Found', docs)
}
