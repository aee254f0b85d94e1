/**
 * Simulated Azure DevOps Services (`https://dev.azure.com/{org}`) and Server (any other host; the
 * collection is the path before `/_apis`). Any PAT works except `revoked`.
 */
import { http, HttpResponse, type RequestHandler } from 'msw'
import {
  AZURE_DEVOPS_SERVICES,
  AZURE_LATEST_VERSION,
  AZURE_MISSING_MARKER,
  AZURE_OLD_SERVER_MARKER,
  AZURE_OLD_SERVER_VERSION,
  azureDemoProjects,
  azureServerDemoUser,
  azureServicesDemoUser,
} from '../data/azure-devops.ts'

interface Site {
  server: boolean
  /** Organization URL or collection URL. */
  base: string
  maxVersion: string
}

function siteOf(request: Request): Site {
  const url = new URL(request.url)
  const base = url.origin + url.pathname.slice(0, url.pathname.indexOf('/_apis'))
  const server = url.origin !== AZURE_DEVOPS_SERVICES
  const old = server && base.includes(AZURE_OLD_SERVER_MARKER)
  return { server, base, maxVersion: old ? AZURE_OLD_SERVER_VERSION : AZURE_LATEST_VERSION }
}

/** Azure DevOps' JSON error envelope (WrappedException). */
function azureError(status: number, typeKey: string, message: string) {
  return HttpResponse.json(
    {
      $id: '1',
      innerException: null,
      message,
      typeName: `Microsoft.VisualStudio.Services.WebApi.${typeKey}, Microsoft.VisualStudio.Services.WebApi`,
      typeKey,
      errorCode: 0,
      eventId: 3000,
    },
    { status },
  )
}

/**
 * Services answers a bad PAT with an HTML "you do not have access" page and a WWW-Authenticate
 * challenge; Server with a TF400813 JSON error. (Exact bodies unconfirmed; status and type are.)
 */
function unauthorized(site: Site) {
  if (site.server) {
    return azureError(
      401,
      'UnauthorizedRequestException',
      'TF400813: Resource not available for anonymous access. Client authentication required.',
    )
  }
  return new HttpResponse(
    '<!DOCTYPE html><html><head><title>Azure DevOps Services | Unauthorized</title></head><body><h1>401 - Uh-oh, you do not have access.</h1></body></html>',
    {
      status: 401,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'WWW-Authenticate':
          'Bearer authorization_uri=https://login.microsoftonline.com/common, Basic realm="https://tfsprodweu6.visualstudio.com/", TFS-Federated',
      },
    },
  )
}

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
function guard(request: Request, site: Site): Response | null {
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

export const azureDevOpsHandlers: RequestHandler[] = [
  http.get('*/_apis/connectionData', ({ request }) => {
    const site = siteOf(request)
    const refused = guard(request, site)
    if (refused) return refused
    const user = site.server ? azureServerDemoUser : azureServicesDemoUser
    return HttpResponse.json({
      authenticatedUser: user,
      authorizedUser: user,
      instanceId: '4a7f6c2e-9d1b-4e3a-8f5c-0b2d6e9a1c37',
      deploymentId: 'b1c9e5a3-6f2d-4c8e-a0b7-3d5f9e2a4c61',
      deploymentType: site.server ? 'onPremises' : 'hosted',
      locationServiceData: {
        serviceOwner: '00025394-6065-48ca-87d9-7f5672854ef7',
        defaultAccessMappingMoniker: 'PublicAccessMapping',
        lastChangeId: 286450131,
        lastChangeId64: 286450131,
      },
    })
  }),

  http.get('*/_apis/projects', ({ request }) => {
    const site = siteOf(request)
    const refused = guard(request, site)
    if (refused) return refused
    const params = new URL(request.url).searchParams
    const skip = Number(params.get('$skip')) || 0
    const top = Number(params.get('$top')) || 100
    const value = azureDemoProjects.slice(skip, skip + top).map((project, index) => ({
      ...project,
      url: `${site.base}/_apis/projects/${project.id}`,
      state: 'wellFormed',
      revision: 400 + index,
      visibility: 'private',
    }))
    return HttpResponse.json({ count: value.length, value })
  }),
]
