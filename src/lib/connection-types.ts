/**
 * What the UI says about each connection type: its label, the provider's name in sentences, where
 * to create a token and which scopes the app needs. One table, so a new type is one entry.
 */
import { connectionTypeNames } from '@/providers/type-names.ts'
import type { ConnectionType, ProviderTarget } from '@/providers/types.ts'

export interface TokenHelp {
  /** Where to create a token; null when it depends on a field not filled yet. */
  url: string | null
  /** The scopes or permissions to tick, in the provider's own words. */
  scopes: string
}

export interface ConnectionTypeInfo {
  label: string
  /**
   * The provider as named within a sentence ("…not the way the GitHub API does"); a common noun
   * is lower case ("the git remote"), so a sentence that starts with it capitalizes it
   * (atSentenceStart in provider-error-message.ts).
   */
  providerName: string
  /** One line under the type picker. */
  summary: string
  selfHosted: boolean
  /** Whether its repositories can be browsed (a bare git remote has refs, not an API). */
  browsable: boolean
}

export const connectionTypeInfo: Record<ConnectionType, ConnectionTypeInfo> = {
  github: {
    label: connectionTypeNames['github'],
    providerName: 'GitHub',
    summary: 'github.com, with a personal access token (classic or fine-grained).',
    selfHosted: false,
    browsable: true,
  },
  'github-enterprise': {
    label: connectionTypeNames['github-enterprise'],
    providerName: 'GitHub Enterprise Server',
    summary: 'Your own GitHub server; the API is reached at /api/v3.',
    selfHosted: true,
    browsable: true,
  },
  gitlab: {
    label: connectionTypeNames['gitlab'],
    providerName: 'GitLab',
    summary: 'gitlab.com, with a personal access token.',
    selfHosted: false,
    browsable: true,
  },
  'gitlab-self-managed': {
    label: connectionTypeNames['gitlab-self-managed'],
    providerName: 'GitLab',
    summary: 'Your own GitLab instance; the API is reached at /api/v4.',
    selfHosted: true,
    browsable: true,
  },
  bitbucket: {
    label: connectionTypeNames['bitbucket'],
    providerName: 'Bitbucket',
    summary: 'bitbucket.org, with an Atlassian API token or an access token.',
    selfHosted: false,
    browsable: true,
  },
  'azure-devops': {
    label: connectionTypeNames['azure-devops'],
    providerName: 'Azure DevOps',
    summary: 'dev.azure.com, with a personal access token for one organization.',
    selfHosted: false,
    browsable: true,
  },
  'azure-devops-server': {
    label: connectionTypeNames['azure-devops-server'],
    providerName: 'Azure DevOps Server',
    summary: 'Your own Azure DevOps Server (or TFS) collection.',
    selfHosted: true,
    browsable: true,
  },
  'custom-git': {
    label: connectionTypeNames['custom-git'],
    providerName: 'the git remote',
    summary: 'Any git remote over HTTPS. No browsing or webhooks; builds are triggered by hand.',
    selfHosted: true,
    browsable: false,
  },
}

const GITHUB_SCOPES = 'repo, read:user, user:email, admin:repo_hook'
const githubTokenUrl = (origin: string) =>
  `${origin}/settings/tokens/new?description=Git%20Connector&scopes=repo,read:user,user:email,admin:repo_hook`
const gitlabTokenUrl = (origin: string) =>
  `${origin}/-/user_settings/personal_access_tokens?name=Git%20Connector&scopes=api,read_user`

/** Token help for a (possibly half-filled) target; URLs appear once the fields they need do. */
export function tokenHelpFor(target: ProviderTarget): TokenHelp {
  switch (target.type) {
    case 'github':
      return { url: githubTokenUrl('https://github.com'), scopes: GITHUB_SCOPES }
    case 'github-enterprise':
      return { url: target.baseUrl ? githubTokenUrl(target.baseUrl) : null, scopes: GITHUB_SCOPES }
    case 'gitlab':
      return {
        url: gitlabTokenUrl('https://gitlab.com'),
        scopes: 'api and read_user (read_api is enough to browse without webhooks)',
      }
    case 'gitlab-self-managed':
      return {
        url: target.baseUrl ? gitlabTokenUrl(target.baseUrl) : null,
        scopes: 'api and read_user (read_api is enough to browse without webhooks)',
      }
    case 'bitbucket':
      return target.credentialKind === 'api-token'
        ? {
            url: 'https://id.atlassian.com/manage-profile/security/api-tokens',
            scopes:
              '"Create API token with scopes" → Bitbucket: read:user, read:workspace, read:repository, read:webhook, write:webhook and delete:webhook (removing a release source deletes its hook)',
          }
        : {
            url: target.workspace
              ? `https://bitbucket.org/${encodeURIComponent(target.workspace)}/workspace/settings/access-tokens`
              : null,
            scopes: 'Repositories: Read, Webhooks: Read and write',
          }
    case 'azure-devops':
      return {
        url: target.organization
          ? `https://dev.azure.com/${encodeURIComponent(target.organization)}/_usersSettings/tokens`
          : null,
        scopes:
          'Code (Read), Project and Team (Read), Service Hooks (Read & write); this organization only',
      }
    case 'azure-devops-server':
      return {
        url: target.collectionUrl ? `${target.collectionUrl}/_usersSettings/tokens` : null,
        scopes: 'Code (Read), Project and Team (Read), Service Hooks (Read & write)',
      }
    case 'custom-git':
      return {
        url: null,
        scopes: 'Any token or password your git host accepts for cloning over HTTPS (read access)',
      }
  }
}

/** Host, organization or URL shown in the list, so two connections of a type can be told apart. */
export function targetLocation(target: ProviderTarget): string {
  switch (target.type) {
    case 'github':
      return 'github.com'
    case 'gitlab':
      return 'gitlab.com'
    case 'github-enterprise':
    case 'gitlab-self-managed':
      return hostOf(target.baseUrl)
    case 'bitbucket':
      return target.workspace ? `bitbucket.org/${target.workspace}` : 'bitbucket.org'
    case 'azure-devops':
      return `dev.azure.com/${target.organization}`
    case 'azure-devops-server':
      return stripScheme(target.collectionUrl)
    case 'custom-git':
      return stripScheme(target.repositoryUrl)
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

function stripScheme(url: string): string {
  return url.replace(/^https?:\/\//, '')
}
