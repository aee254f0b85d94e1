/** Azure DevOps' error answers: the JSON envelope, 401s and 404s. */
import { HttpResponse } from 'msw'
import type { Site } from './site.ts'

/** Azure DevOps' JSON error envelope (WrappedException). */
export function azureError(status: number, typeKey: string, message: string) {
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
export function unauthorized(site: Site) {
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

export function notFound(typeKey: string, message: string) {
  return azureError(404, typeKey, message)
}
