/**
 * Where a connection's token is sent, as web origins, so that an edit can tell whether a kept
 * token would reach a server it was not entered for. Origins, not URLs: a path-only change of a
 * same-origin address leaves the receiver as it was, while `http:` for `https:`, another port or
 * another host each make a new one (the browser's own notion of who may read what).
 */
import type { ProviderTarget } from '@/providers/types.ts'

/**
 * The origins that receive the token and come from what the person typed. Cloud types send it to
 * hosts fixed by the type (api.github.com, gitlab.com…), which no edit can change: none listed.
 *
 * Custom Git sends it to the CORS proxy when there is one, and the proxy forwards it to the
 * remote (custom-git/refs.ts sends the Authorization header up front; isomorphic-git's proxy
 * passes it on), so both receive it.
 */
export function typedTokenOrigins(target: ProviderTarget): string[] {
  switch (target.type) {
    case 'github-enterprise':
    case 'gitlab-self-managed':
      return [originOf(target.baseUrl)]
    case 'azure-devops-server':
      return [originOf(target.collectionUrl)]
    case 'custom-git':
      return [
        originOf(target.repositoryUrl),
        ...(target.corsProxyUrl ? [originOf(target.corsProxyUrl)] : []),
      ]
    default:
      return []
  }
}

/**
 * Whether a token entered for `enteredFor` may be sent for `next`: the same type, and every
 * origin `next` sends it to already received it. Dropping a Custom Git proxy keeps the token (the
 * remote had it through the proxy); adding one, or changing a host, does not.
 */
export function tokenMayFollow(next: ProviderTarget, enteredFor: ProviderTarget): boolean {
  if (next.type !== enteredFor.type) return false
  const received = new Set(typedTokenOrigins(enteredFor))
  return typedTokenOrigins(next).every((origin) => received.has(origin))
}

/** The normalized origin; an address that does not parse is its own, matching nothing else. */
function originOf(url: string): string {
  if (!URL.canParse(url)) return `unparsable:${url}`
  const { origin } = new URL(url)
  // Non-special schemes have an opaque origin ("null"): fall back to the whole address.
  return origin === 'null' ? `opaque:${url}` : origin
}
