/**
 * Recognises which provider issued a pasted token, from the prefixes providers put on them for
 * secret scanning, so the form can warn about a token pasted into the wrong connection type.
 * Warn-only: formats change and self-hosted instances differ, so nothing is ever rejected, and
 * lengths are never checked.
 */
import type { BitbucketCredentialKind, ConnectionType } from './types.ts'

export type TokenFamily =
  | 'github'
  | 'gitlab'
  | 'bitbucket-api-token'
  | 'bitbucket-access-token'
  /** Dead since 2026-06-09; recognised only to say so. */
  | 'bitbucket-app-password'
  | 'azure-devops'

export const TOKEN_FAMILY_LABELS: Record<TokenFamily, string> = {
  github: 'a GitHub token',
  gitlab: 'a GitLab token',
  'bitbucket-api-token': 'a Bitbucket API token',
  'bitbucket-access-token': 'a Bitbucket access token',
  'bitbucket-app-password': 'a Bitbucket app password',
  'azure-devops': 'an Azure DevOps token',
}

export const BITBUCKET_APP_PASSWORDS_ENDED = '2026-06-09'

/**
 * https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
 * ghp_ classic PAT, gho_ OAuth, ghu_ user-to-server, ghs_ server-to-server, ghr_ refresh;
 * github_pat_ fine-grained PAT.
 */
const GITHUB = /^(gh[pousr]_|github_pat_)/

/**
 * GitLab's documented prefixes (docs.gitlab.com/security/tokens/#token-prefixes): personal, project
 * and group tokens glpat-, OAuth app secret gloas-, deploy gldt-, runner glrt- (glrtr- for registration), CI job glcbt-,
 * trigger glptt-, feed glft-, incoming mail glimt-, agent glagent-, SCIM glsoat-, feature flags
 * glffct-. GitLab 18 lets an instance put its own prefix in front (`SIE-glpat-`), hence the option.
 */
const GITLAB =
  /^([A-Za-z0-9]{1,16}-)?(glpat|gloas|gldt|glrtr|glrt|glcbt|glptt|glft|glimt|glagent|glsoat|glffct)-/

/**
 * New-format Azure DevOps PATs (since mid-2024) are 84 alphanumerics with `AZDO` at positions
 * 77–80 (Microsoft Purview's definition, research §4.2). Legacy 52-character PATs have no marker.
 */
const AZURE_DEVOPS = /^[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}$/

export function guessTokenProvider(token: string): TokenFamily | null {
  const value = token.trim()
  if (GITHUB.test(value)) return 'github'
  if (GITLAB.test(value)) return 'gitlab'
  // Atlassian prefixes (research §3.2): ATATT user API tokens, ATCTT access tokens, ATBB app passwords.
  if (value.startsWith('ATATT')) return 'bitbucket-api-token'
  if (value.startsWith('ATCTT')) return 'bitbucket-access-token'
  if (value.startsWith('ATBB')) return 'bitbucket-app-password'
  if (AZURE_DEVOPS.test(value)) return 'azure-devops'
  return null
}

/** The provider a connection type expects, for "not a GitHub one". */
const EXPECTED: Record<Exclude<ConnectionType, 'custom-git'>, { family: string; noun: string }> = {
  github: { family: 'github', noun: 'a GitHub one' },
  'github-enterprise': { family: 'github', noun: 'a GitHub one' },
  gitlab: { family: 'gitlab', noun: 'a GitLab one' },
  'gitlab-self-managed': { family: 'gitlab', noun: 'a GitLab one' },
  bitbucket: { family: 'bitbucket', noun: 'a Bitbucket one' },
  'azure-devops': { family: 'azure-devops', noun: 'an Azure DevOps one' },
  'azure-devops-server': { family: 'azure-devops', noun: 'an Azure DevOps one' },
}

function bitbucketWarning(
  family: TokenFamily,
  kind: BitbucketCredentialKind | undefined,
): string | null {
  if (family === 'bitbucket-app-password') {
    return `This looks like a Bitbucket app password. App passwords stopped working on ${BITBUCKET_APP_PASSWORDS_ENDED}: create an API token instead.`
  }
  if (family === 'bitbucket-access-token' && kind === 'api-token') {
    return "This looks like a Bitbucket access token: choose 'Access token' as the credential."
  }
  if (family === 'bitbucket-api-token' && kind === 'access-token') {
    return "This looks like a Bitbucket API token: choose 'API token' as the credential."
  }
  return null
}

/**
 * A sentence for the form when the token looks like another provider's, else null. GitHub and
 * GitHub Enterprise share prefixes, as do GitLab and self-managed, and Azure DevOps and Server.
 * Custom Git takes any host's token.
 */
export function tokenMismatchWarning(
  type: ConnectionType,
  token: string,
  bitbucketKind?: BitbucketCredentialKind,
): string | null {
  if (type === 'custom-git') return null
  const family = guessTokenProvider(token)
  if (family === null) return null
  const expected = EXPECTED[type]
  const provider = family.startsWith('bitbucket') ? 'bitbucket' : family
  if (provider === expected.family) {
    return type === 'bitbucket' ? bitbucketWarning(family, bitbucketKind) : null
  }
  return `This looks like ${TOKEN_FAMILY_LABELS[family]}, not ${expected.noun}.`
}
