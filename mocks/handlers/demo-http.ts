/**
 * Answers of the demo's own endpoints (demo control, build trigger, webhook receiver). They live on
 * other origins than the app, so they answer CORS like a real deployment's services would have to;
 * under MSW's service worker a preflight never reaches the network, but the headers keep the
 * answers honest.
 */
import { http, HttpResponse, type DefaultBodyType } from 'msw'

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type, accept',
}

export function demoJson(body: DefaultBodyType, status: number): Response {
  return HttpResponse.json(body, { status, headers: CORS })
}

/** The answer to a CORS preflight on `url`. */
export function preflight(url: string) {
  return http.options(url, () => new HttpResponse(null, { status: 204, headers: CORS }))
}

/** The JSON object a request carries, or null when its body is not one. */
export async function jsonObject(request: Request): Promise<Record<string, unknown> | null> {
  const body: unknown = await request.json().catch(() => null)
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : null
}
