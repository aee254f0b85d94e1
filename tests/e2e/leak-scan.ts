/**
 * The leak scan's recorder: every request seen, with Basic credentials decoded, and where a
 * secret turned up that it should not have. Shared by the token-leak checks.
 */
import type { Request } from '@playwright/test'

export interface Secret {
  /** What to look for, raw. */
  value: string
  /** The origins it may be sent to, and only in the Authorization header. */
  origins: string[]
  /** A token endpoint that may receive it in a form body (a refresh token, a code). */
  bodyOrigin?: string
}

/** A header's value, with Basic credentials decoded, so base64 does not hide a token. */
function readable(value: string): string {
  const basic = /^Basic\s+(\S+)$/i.exec(value)
  return basic?.[1] ? `${value} ${Buffer.from(basic[1], 'base64').toString('utf8')}` : value
}

export interface Seen {
  url: string
  origin: string
  headers: [string, string][]
  body: string
}

export async function seen(request: Request): Promise<Seen> {
  const url = request.url()
  return {
    url,
    origin: new URL(url).origin,
    headers: Object.entries(await request.allHeaders()).map(([name, value]) => [
      name,
      readable(value),
    ]),
    body: request.postData() ?? '',
  }
}

/** Where each secret was found, as "what → where", for a readable failure. */
export function misuses(requests: Seen[], secret: Secret): string[] {
  const found: string[] = []
  for (const request of requests) {
    if (request.url.includes(secret.value)) found.push(`URL of ${request.url}`)
    for (const [name, value] of request.headers) {
      if (!value.includes(secret.value)) continue
      if (name !== 'authorization') found.push(`header ${name} to ${request.origin}`)
      else if (!secret.origins.includes(request.origin))
        found.push(`Authorization to ${request.origin}`)
    }
    if (request.body.includes(secret.value) && request.origin !== secret.bodyOrigin) {
      found.push(`body to ${request.origin}`)
    }
  }
  return found
}

export function sentAsAuthorization(requests: Seen[], secret: Secret): boolean {
  return requests.some((request) =>
    request.headers.some(
      ([name, value]) => name === 'authorization' && value.includes(secret.value),
    ),
  )
}
