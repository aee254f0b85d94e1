/**
 * The remote's ref advertisement, read with isomorphic-git (directly, or through the CORS proxy
 * when the connection has one). A smart-HTTP remote has nothing else to offer a browser: every
 * Custom Git call that works is built on this one request.
 */
import { ProviderError } from '../errors.ts'
import { basicAuthorization, DEFAULT_TIMEOUT_MS } from '../http.ts'
import type { ProviderTarget } from '../types.ts'
import { errorFromGit } from './git-errors.ts'
import { loadGit, type GitClient, type ServerRef } from './load-git.ts'

export type CustomGitTarget = Extract<ProviderTarget, { type: 'custom-git' }>

export const HEADS = 'refs/heads/'
export const TAGS = 'refs/tags/'

function httpUrl(value: string | undefined): URL | null {
  try {
    const url = new URL(value?.trim() ?? '')
    return /^https?:$/.test(url.protocol) ? url : null
  } catch {
    return null
  }
}

export interface RemoteRefs {
  refs: ServerRef[]
  /** The branch HEAD points at, when the remote says. */
  defaultBranch: string | null
  /** The CORS proxy's URL, when requests went through one. */
  proxy: URL | null
}

async function listServerRefs(
  git: GitClient,
  target: CustomGitTarget,
  token: string,
  signal?: AbortSignal,
) {
  const timeout = AbortSignal.timeout(DEFAULT_TIMEOUT_MS)
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
  let lastHeaders = new Headers()
  const authorization = token
    ? basicAuthorization(target.gitUsername?.trim() || 'git', token)
    : null
  try {
    return await git.listServerRefs({
      // isomorphic-git does not pass a signal to its HTTP client, so ours adds one to each request.
      http: {
        request: async (request) => {
          const response = await git.http.request({
            ...request,
            signal: combined,
            fetchOptions: { cache: 'no-store', credentials: 'omit' },
          })
          lastHeaders = new Headers(response.headers)
          return response
        },
      },
      url: target.repositoryUrl.trim(),
      ...(target.corsProxyUrl?.trim()
        ? { corsProxy: target.corsProxyUrl.trim().replace(/\/+$/, '') }
        : {}),
      // Sent up front rather than through onAuth: onAuth only answers a 401 challenge, so a public
      // repository would never see the token and a revoked token would pass as verified.
      headers: authorization ? { Authorization: authorization } : {},
      // Protocol v1: one GET whose answer lists every ref with the HEAD symref among its
      // capabilities. v2 needs a second request (POST ls-refs) and a Git-Protocol header that
      // CORS proxies and servers must allow explicitly.
      protocolVersion: 1,
      symrefs: true,
      // Annotated tags: `peeled` is the commit behind the tag object (the `^{}` lines of v1).
      peelTags: true,
    })
  } catch (error) {
    if (signal?.aborted) throw error
    if (timeout.aborted) {
      throw new ProviderError('network', 'The git host did not answer in time.', {
        networkCause: 'timeout',
      })
    }
    throw errorFromGit(error, {
      proxied: Boolean(target.corsProxyUrl?.trim()),
      hasToken: token !== '',
      headers: lastHeaders,
      secrets: [token, ...(authorization ? [authorization] : [])],
    })
  }
}

/** Checks the URLs before sending anything, then reads every ref (tags peeled, HEAD's target). */
export async function fetchRefs(
  target: CustomGitTarget,
  token: string,
  signal?: AbortSignal,
): Promise<RemoteRefs> {
  if (!httpUrl(target.repositoryUrl)) {
    throw new ProviderError('unsupported', 'Enter the repository’s https:// URL.', {
      subject: 'repository-url',
      hint: 'Enter the repository’s https:// URL: a browser can only reach git over HTTP(S), so SSH and git:// addresses cannot be used.',
    })
  }
  const proxy = target.corsProxyUrl?.trim() ? httpUrl(target.corsProxyUrl) : null
  if (target.corsProxyUrl?.trim() && proxy === null) {
    throw new ProviderError('unsupported', 'The CORS proxy URL is not an http(s) address.', {
      subject: 'cors-proxy',
      hint: 'The CORS proxy URL must start with https:// (or http://).',
    })
  }

  let git: GitClient
  try {
    git = await loadGit()
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ProviderError('network', 'The git client could not be loaded.', {
      networkCause: 'unreachable',
    })
  }
  signal?.throwIfAborted()

  const refs = await listServerRefs(git, target, token, signal)
  const head = refs.find((ref) => ref.ref === 'HEAD')
  const defaultBranch = head?.target?.startsWith(HEADS) ? head.target.slice(HEADS.length) : null
  return { refs, defaultBranch, proxy }
}
