/** `$top` and continuation-token paging. */
import { HttpResponse } from 'msw'
import { azureError } from './errors.ts'

/**
 * `$top` and a continuation token in `x-ms-continuationtoken` (opaque to clients; here the
 * base64 of the next index), as refs and projects do it.
 */
function decodeToken(token: string): number | null {
  try {
    const value = Number(atob(token))
    return Number.isInteger(value) && value >= 0 ? value : null
  } catch {
    return null
  }
}

export function continued(request: Request, values: unknown[], fallbackTop: number) {
  const params = new URL(request.url).searchParams
  const top = Math.max(Number(params.get('$top')) || fallbackTop, 1)
  const token = params.get('continuationToken')
  const start = token === null ? Number(params.get('$skip')) || 0 : decodeToken(token)
  if (start === null) {
    return azureError(
      400,
      'InvalidContinuationTokenException',
      'The continuation token is not valid.',
    )
  }
  const value = values.slice(start, start + top)
  const headers: Record<string, string> =
    start + top < values.length ? { 'x-ms-continuationtoken': btoa(String(start + top)) } : {}
  return HttpResponse.json({ count: value.length, value }, { headers })
}
