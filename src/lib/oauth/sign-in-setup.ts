/**
 * How "Sign in" works for a connection target on this deployment, read from the runtime config
 * alone: which OAuth server, which client, and through what the code becomes a token. Small and
 * free of OAuth code, because the side panel needs it to enable or explain the option.
 */
import type { ProviderTarget } from '@/providers/types.ts'
import type { RuntimeConfig } from '../runtime-config.ts'

export type SignInProvider = 'github' | 'gitlab'

/** Authorization code with PKCE: GitHub through the deployment's exchange URL, GitLab directly. */
export interface PkceSetup {
  kind: 'pkce'
  provider: SignInProvider
  label: string
  clientId: string
  /** The server's web origin (and path for GitLab under a relative URL root). */
  webBase: string
  authorizeUrl: string
  /** GitHub: the deployment's token-exchange URL. GitLab: the instance's `/oauth/token`. */
  tokenUrl: string
  scope: string
}

/** A Netlify- or Decap-style authenticator: a popup that hands the token back by postMessage. */
export interface AuthenticatorSetup {
  kind: 'authenticator'
  provider: 'github'
  label: string
  authenticatorUrl: string
  siteId: string | undefined
  scope: string
}

export type SignInSetup =
  | PkceSetup
  | AuthenticatorSetup
  /** The type can sign in, but this deployment or form lacks what it needs: `reason` says what. */
  | { kind: 'unavailable'; provider: SignInProvider; label: string; reason: string }
  /** The type has no sign-in here (Bitbucket, Azure DevOps, Custom Git): tokens only. */
  | { kind: 'none' }

/**
 * Classic OAuth App scopes: repositories (private ones too), their webhooks, and the emails that
 * map commit authors to the account. A GitHub App ignores them and uses its own permissions.
 */
const GITHUB_SCOPE = 'repo admin:repo_hook read:user user:email'
/** GitLab's `api` covers reading and the project hooks of release sources. */
const GITLAB_SCOPE = 'api'
const GITHUB_LABEL = 'Sign in with GitHub'
const GITLAB_LABEL = 'Sign in with GitLab'

/**
 * @param applicationId GitLab only: the id typed into the form, which wins over the config's
 *   (a person may register their own application, on gitlab.com or on their instance).
 */
export function signInSetupFor(
  target: ProviderTarget,
  config: RuntimeConfig,
  applicationId = '',
): SignInSetup {
  switch (target.type) {
    case 'github':
      return githubSetup('https://github.com', config.githubOAuth)
    case 'github-enterprise': {
      const entry = config.githubEnterpriseOAuth.find((item) =>
        sameServer(item.baseUrl, target.baseUrl),
      )
      if (!entry) {
        return {
          kind: 'unavailable',
          provider: 'github',
          label: GITHUB_LABEL,
          reason: `Not set up for this server on this deployment: its config.json needs a githubEnterpriseOAuth entry with this server's baseUrl, a clientId and a tokenExchangeUrl.`,
        }
      }
      return githubSetup(trimSlash(target.baseUrl), entry)
    }
    case 'gitlab':
      return gitlabSetup('https://gitlab.com', applicationId || config.gitlabOAuth?.applicationId)
    case 'gitlab-self-managed': {
      const entry = config.gitlabSelfManagedOAuth.find((item) =>
        sameServer(item.baseUrl, target.baseUrl),
      )
      return gitlabSetup(trimSlash(target.baseUrl), applicationId || entry?.applicationId)
    }
    default:
      return { kind: 'none' }
  }
}

/** The application id the deployment names for a GitLab target, to fill the form's field. */
export function configuredGitLabApplication(target: ProviderTarget, config: RuntimeConfig): string {
  if (target.type === 'gitlab') return config.gitlabOAuth?.applicationId ?? ''
  if (target.type !== 'gitlab-self-managed') return ''
  const entry = config.gitlabSelfManagedOAuth.find((item) =>
    sameServer(item.baseUrl, target.baseUrl),
  )
  return entry?.applicationId ?? ''
}

function githubSetup(webBase: string, config: RuntimeConfig['githubOAuth']): SignInSetup {
  if (!config) {
    return {
      kind: 'unavailable',
      provider: 'github',
      label: GITHUB_LABEL,
      reason:
        'Not set up on this deployment: its config.json needs githubOAuth.clientId and githubOAuth.tokenExchangeUrl (or githubOAuth.authenticatorUrl).',
    }
  }
  if ('authenticatorUrl' in config) {
    return {
      kind: 'authenticator',
      provider: 'github',
      label: GITHUB_LABEL,
      authenticatorUrl: config.authenticatorUrl,
      siteId: config.siteId,
      scope: GITHUB_SCOPE,
    }
  }
  return {
    kind: 'pkce',
    provider: 'github',
    label: GITHUB_LABEL,
    clientId: config.clientId,
    webBase,
    authorizeUrl: `${webBase}/login/oauth/authorize`,
    tokenUrl: config.tokenExchangeUrl,
    scope: GITHUB_SCOPE,
  }
}

function gitlabSetup(webBase: string, applicationId: string | undefined): SignInSetup {
  if (!applicationId) {
    return {
      kind: 'unavailable',
      provider: 'gitlab',
      label: GITLAB_LABEL,
      reason: 'Enter the Application ID of a GitLab application to sign in with.',
    }
  }
  return {
    kind: 'pkce',
    provider: 'gitlab',
    label: GITLAB_LABEL,
    clientId: applicationId,
    webBase,
    authorizeUrl: `${webBase}/oauth/authorize`,
    tokenUrl: `${webBase}/oauth/token`,
    scope: GITLAB_SCOPE,
  }
}

/** The address the provider sends the person back to: register it with the OAuth application. */
export function callbackUrl(origin: string, baseUrl: string): string {
  return `${origin}${baseUrl}oauth/callback`
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

function sameServer(a: string, b: string): boolean {
  return trimSlash(a).toLowerCase() === trimSlash(b).toLowerCase()
}
