/** The checks every route runs first: the PAT, the organization or collection, the API version. */
import { AZURE_MISSING_MARKER } from '../../data/azure-devops.ts'
import { azureError, unauthorized } from './errors.ts'
import { siteOf, type Site } from './site.ts'

function patOf(request: Request): string | null {
  const match = /^Basic (.+)$/i.exec(request.headers.get('authorization') ?? '')
  if (!match?.[1]) return null
  try {
    const decoded = atob(match[1])
    return decoded.slice(decoded.indexOf(':') + 1) || null
  } catch {
    return null
  }
}

function newer(a: string, b: string): boolean {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number)
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number)
  return aMajor > bMajor || (aMajor === bMajor && aMinor > bMinor)
}

/** Auth, unknown organization/collection and API version checks shared by every endpoint. */
export function guard(request: Request, site: Site): Response | null {
  const pat = patOf(request)
  if (pat === null || pat === 'revoked') return unauthorized(site)
  if (
    site.base
      .slice(site.base.lastIndexOf('/') + 1)
      .toLowerCase()
      .includes(AZURE_MISSING_MARKER)
  ) {
    return site.server
      ? azureError(
          404,
          'CollectionDoesNotExistException',
          `The project collection at ${site.base} does not exist.`,
        )
      : azureError(
          404,
          'AccountNotFoundException',
          `The organization ${site.base} could not be found.`,
        )
  }
  // "7.1-preview.1" asks for 7.1.
  const requested = /^(\d+\.\d+)/.exec(
    new URL(request.url).searchParams.get('api-version') ?? '',
  )?.[1]
  if (requested && newer(requested, site.maxVersion)) {
    return azureError(
      400,
      'VssVersionOutOfRangeException',
      `The requested REST API version of ${requested} is out of range for this server. The latest REST API version this server supports is ${site.maxVersion}.`,
    )
  }
  return null
}

/** Runs the shared checks, then the route. */
export function guarded(
  resolve: (
    request: Request,
    site: Site,
    params: Record<string, unknown>,
  ) => Response | Promise<Response>,
) {
  return ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
    const site = siteOf(request)
    const refused = guard(request, site)
    if (refused) return refused
    return resolve(request, site, params)
  }
}
