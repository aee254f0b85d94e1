/**
 * Custom Git adapter: verify(). A plain smart-HTTP remote has refs but no API and no account, so
 * verifying means reading its ref advertisement: is the URL a repository, does the token open it,
 * does the branch exist, and which commit is at its tip.
 */
import { ProviderError } from '../errors.ts'
import { basicAuthorization, DEFAULT_TIMEOUT_MS } from '../http.ts'
import type { GitProviderFactory, ProviderTarget, Verification } from '../types.ts'
import { errorFromGit } from './git-errors.ts'
import { loadGit, type GitClient, type ServerRef } from './load-git.ts'

type CustomGitTarget = Extract<ProviderTarget, { type: 'custom-git' }>

const HEADS = 'refs/heads/'

function httpUrl(value: string | undefined): URL | null {
  try {
    const url = new URL(value?.trim() ?? '')
    return /^https?:$/.test(url.protocol) ? url : null
  } catch {
    return null
  }
}

/** Branch names, the default branch first, as the remote advertised them otherwise. */
function branchNames(refs: ServerRef[], defaultBranch: string | null): string[] {
  const names = refs
    .filter((ref) => ref.ref.startsWith(HEADS))
    .map((ref) => ref.ref.slice(HEADS.length))
  return defaultBranch && names.includes(defaultBranch)
    ? [defaultBranch, ...names.filter((name) => name !== defaultBranch)]
    : names
}

function missingBranch(branch: string, existing: string[]): ProviderError {
  if (existing.length === 0) {
    return new ProviderError('not-found', 'The repository has no branches yet.', {
      subject: 'branch',
    })
  }
  const shown = existing.slice(0, 5).join(', ')
  const more = existing.length > 5 ? ` and ${existing.length - 5} more` : ''
  return new ProviderError(
    'not-found',
    `There is no branch “${branch}”. Branches: ${shown}${more}.`,
    {
      subject: 'branch',
    },
  )
}

async function listRefs(
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

async function verifyCustomGit(
  target: CustomGitTarget,
  token: string,
  signal?: AbortSignal,
): Promise<Verification> {
  if (!httpUrl(target.repositoryUrl)) {
    throw new ProviderError('unsupported', 'Enter the repository’s https:// URL.', {
      subject: 'repository-url',
      detail: 'A browser can only reach git over HTTP(S); SSH and git:// addresses cannot be used.',
    })
  }
  const proxy = target.corsProxyUrl?.trim() ? httpUrl(target.corsProxyUrl) : undefined
  if (proxy === null) {
    throw new ProviderError('unsupported', 'The CORS proxy URL is not an http(s) address.', {
      subject: 'cors-proxy',
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

  const refs = await listRefs(git, target, token, signal)
  const head = refs.find((ref) => ref.ref === 'HEAD')
  const defaultBranch = head?.target?.startsWith(HEADS) ? head.target.slice(HEADS.length) : null
  const branch = target.branch.trim() || defaultBranch
  const tip = branch ? refs.find((ref) => ref.ref === HEADS + branch) : undefined
  if (!branch) {
    throw new ProviderError(
      'not-found',
      'The repository names no default branch: enter a branch.',
      {
        subject: 'branch',
      },
    )
  }
  if (!tip) throw missingBranch(branch, branchNames(refs, defaultBranch))

  const notices: string[] = []
  if (proxy && token) {
    notices.push(
      `Requests go through the CORS proxy at ${proxy.host}, which sees this token: use a proxy you trust.`,
    )
  }
  return {
    account: null,
    scopes: null,
    expiresAt: null,
    remote: {
      defaultBranch,
      headCommit: tip.oid,
      refCount: refs.filter((ref) => ref.ref !== 'HEAD').length,
    },
    notices,
  }
}

export const createCustomGitProvider: GitProviderFactory = (target, credentials) => {
  if (target.type !== 'custom-git') {
    throw new ProviderError(
      'unsupported',
      `The Custom Git adapter cannot verify a ${target.type} connection.`,
    )
  }
  return {
    type: 'custom-git',
    verify: (signal) => verifyCustomGit(target, credentials.token, signal),
  }
}
