/**
 * Provider-supplied URLs (`html_url`, `web_url`, `avatar_url`, links built from them) become an
 * `href` or an image `src` only through these. A server we do not control (a GitHub Enterprise or
 * GitLab host, a proxy in between) could send `javascript:`, `vbscript:` or `data:text/html` URLs;
 * those come back as null, and the caller shows plain text (or the avatar's initials) instead.
 */

/** The URL, as given, when it is an absolute http(s) URL; otherwise null. */
export function safeLinkUrl(value: string | null | undefined): string | null {
  const url = parse(value)
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? (value ?? null) : null
}

/**
 * An image source: http(s), or a `data:` URL of an image type. An image loaded through `<img>`
 * runs no script (not even an SVG's), and demo mode draws its avatars as `data:image/svg+xml`.
 */
export function safeImageUrl(value: string | null | undefined): string | null {
  const link = safeLinkUrl(value)
  if (link) return link
  const url = parse(value)
  if (url?.protocol !== 'data:') return null
  return /^data:image\/(?:png|gif|jpeg|webp|avif|svg\+xml)[;,]/i.test(url.href)
    ? (value ?? null)
    : null
}

function parse(value: string | null | undefined): URL | null {
  if (!value) return null
  // The URL parser drops leading/trailing C0 controls and spaces, and tabs and newlines anywhere
  // ("java\tscript:" is "javascript:"), as browsers do when they follow a link: the protocol
  // checked here is the one a browser would use.
  try {
    return new URL(value)
  } catch {
    return null
  }
}
