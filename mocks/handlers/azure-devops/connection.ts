/** `_apis/connectionData`: who the token belongs to, and what kind of deployment answers. */
import { http, HttpResponse, type RequestHandler } from 'msw'
import { azureServerDemoUser, azureServicesDemoUser } from '../../data/azure-devops.ts'
import { azureError } from './errors.ts'
import { guard } from './guard.ts'
import { siteOf } from './site.ts'

export const connectionHandlers: RequestHandler[] = [
  http.get('*/_apis/connectionData', ({ request }) => {
    const site = siteOf(request)
    const refused = guard(request, site)
    if (refused) return refused
    // connectionData never left preview: a version without `-preview` is refused, as Azure DevOps
    // refuses any preview resource asked for by a plain version.
    const version = new URL(request.url).searchParams.get('api-version')
    if (version !== null && !/-preview(\.\d+)?$/.test(version)) {
      return azureError(
        400,
        'VssInvalidPreviewVersionException',
        `The requested version "${version}" of the resource is under preview. The -preview flag must be supplied in the api-version for such requests. For example: "${version}-preview"`,
      )
    }
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
]
