/**
 * Custom Git: verify(). A plain smart-HTTP remote has refs but no API and no account, so
 * verifying means reading its ref advertisement: is the URL a repository, does the token open it,
 * does the branch exist, and which commit is at its tip.
 */
import { ProviderError } from '../errors.ts'
import type { Verification } from '../types.ts'
import type { ServerRef } from './load-git.ts'
import { fetchRefs, HEADS, type CustomGitTarget } from './refs.ts'

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
      reason: 'empty-repository',
      hint: 'The repository has no branches yet: push a first commit to it, then save again.',
    })
  }
  const shown = existing.slice(0, 5).join(', ')
  const more = existing.length > 5 ? ` and ${existing.length - 5} more` : ''
  const sentence = `There is no branch “${branch}”. Branches: ${shown}${more}.`
  return new ProviderError('not-found', sentence, {
    subject: 'branch',
    reason: 'no-such-branch',
    hint: sentence,
  })
}

export async function verifyCustomGit(
  target: CustomGitTarget,
  token: string,
  signal?: AbortSignal,
): Promise<Verification> {
  const { refs, defaultBranch, proxy } = await fetchRefs(target, token, signal)
  const branch = target.branch.trim() || defaultBranch
  const tip = branch ? refs.find((ref) => ref.ref === HEADS + branch) : undefined
  // An empty repository advertises no branch and no HEAD: that, not the missing branch, is news.
  if (!tip && branchNames(refs, defaultBranch).length === 0) throw missingBranch(branch ?? '', [])
  if (!branch) {
    const sentence = 'The repository names no default branch: enter a branch.'
    throw new ProviderError('not-found', sentence, { subject: 'branch', hint: sentence })
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
