import { http, HttpResponse } from 'msw'

/**
 * Demo convention: any host whose name starts with `unreachable.` behaves like a server the
 * browser cannot reach (CORS refused, TLS not trusted, down), so "Save without verifying" can be
 * tried. Other requests fall through to the provider handlers.
 */
export const unreachableHandlers = [
  http.all('*', ({ request }) => {
    if (new URL(request.url).hostname.startsWith('unreachable.')) return HttpResponse.error()
    return undefined
  }),
]
