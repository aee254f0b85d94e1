/**
 * Loads isomorphic-git on demand, so its ~66 kB (gzip) chunk reaches only people with a Custom Git
 * connection. isomorphic-git uses a bare global `Buffer` in many places, which browsers lack and
 * Vite does not polyfill (research/toolchain.md §2): install the `buffer` package's first.
 */
import type { HttpClient, listServerRefs, ServerRef } from 'isomorphic-git'

export interface GitClient {
  http: HttpClient
  listServerRefs: typeof listServerRefs
}

export type { ServerRef }

export async function loadGit(): Promise<GitClient> {
  const { Buffer } = await import('buffer')
  // `Buffer` is declared on globalThis by @types/node (Node has it natively); the check keeps
  // Node's own and installs the polyfill in browsers.
  if (!('Buffer' in globalThis)) Reflect.set(globalThis, 'Buffer', Buffer)
  const [git, web] = await Promise.all([
    import('isomorphic-git'),
    import('isomorphic-git/http/web'),
  ])
  return { http: web.default, listServerRefs: git.listServerRefs }
}
