/**
 * Simulated smart-HTTP git remotes on any host, directly or through a CORS proxy
 * (`https://proxy.example/git.example.com/team/app.git/info/refs?...`, isomorphic-git's format).
 * Only ref discovery is simulated: `GET …/info/refs?service=git-upload-pack`, answered in protocol
 * v1 (https://git-scm.com/docs/http-protocol#_smart_clients), which is also what a v2 client gets
 * from a server that does not speak v2.
 */
import { http, HttpResponse, type RequestHandler } from 'msw'
import {
  CUSTOM_GIT_MANY_REFS_MARKER,
  CUSTOM_GIT_MISSING_MARKER,
  CUSTOM_GIT_PRIVATE_MARKER,
  customGitCapabilities,
  customGitDefaultBranch,
  customGitManyRefs,
  customGitRefs,
} from '../data/custom-git.ts'

/** One pkt-line: 4 hex digits of length (including themselves), then the payload. */
export function pktLine(payload: string): string {
  const length = new TextEncoder().encode(payload).length + 4
  return length.toString(16).padStart(4, '0') + payload
}

const FLUSH = '0000'

/** The ref advertisement: service line, flush, HEAD with capabilities, sorted refs, flush. */
export function refAdvertisement({ branches, tags } = customGitRefs): string {
  const head = branches.find((branch) => branch.name === customGitDefaultBranch)
  const refs: [string, string][] = [
    ...branches.map((branch): [string, string] => [`refs/heads/${branch.name}`, branch.oid]),
    ...tags.flatMap((tag): [string, string][] =>
      tag.peeled
        ? [
            [`refs/tags/${tag.name}`, tag.oid],
            [`refs/tags/${tag.name}^{}`, tag.peeled],
          ]
        : [[`refs/tags/${tag.name}`, tag.oid]],
    ),
  ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const lines = head
    ? [
        `${head.oid} HEAD\0${customGitCapabilities.join(' ')}\n`,
        ...refs.map(([name, oid]) => `${oid} ${name}\n`),
      ]
    : [`${'0'.repeat(40)} capabilities^{}\0${customGitCapabilities.join(' ')}\n`]
  return pktLine('# service=git-upload-pack\n') + FLUSH + lines.map(pktLine).join('') + FLUSH
}

function password(request: Request): string | null {
  const match = /^Basic (.+)$/i.exec(request.headers.get('authorization') ?? '')
  if (!match?.[1]) return null
  try {
    const decoded = atob(match[1])
    return decoded.slice(decoded.indexOf(':') + 1)
  } catch {
    return null
  }
}

function text(status: number, body: string, headers: Record<string, string> = {}) {
  return new HttpResponse(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
  })
}

export const customGitHandlers: RequestHandler[] = [
  http.get('*/info/refs', ({ request }) => {
    const url = new URL(request.url)
    const repository = url.pathname.slice(0, -'/info/refs'.length).toLowerCase()
    if (url.searchParams.get('service') !== 'git-upload-pack') {
      return text(403, 'The demo remote only serves git-upload-pack.')
    }
    if (repository.includes(CUSTOM_GIT_MISSING_MARKER)) return text(404, 'Repository not found.')
    const secret = password(request)
    const challenge = { 'WWW-Authenticate': 'Basic realm="Git"' }
    // Public repositories need no credentials, but a revoked one is refused like on real hosts.
    if (secret === 'revoked') return text(401, 'Invalid username or token.', challenge)
    if (secret === null && repository.includes(CUSTOM_GIT_PRIVATE_MARKER)) {
      return text(401, 'Authentication required.', challenge)
    }
    const refs = repository.includes(CUSTOM_GIT_MANY_REFS_MARKER)
      ? customGitManyRefs()
      : customGitRefs
    return new HttpResponse(refAdvertisement(refs), {
      headers: {
        'Content-Type': 'application/x-git-upload-pack-advertisement',
        'Cache-Control': 'no-cache',
      },
    })
  }),
]
