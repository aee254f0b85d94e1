/**
 * Demo mode's stand-ins for what a deployment registers to offer "Sign in": OAuth applications
 * (client ids) and GitHub's token-exchange URL. Nothing answers these on the network: the
 * simulated authorize page (authorize-page.tsx) and the MSW handlers (handlers/oauth.ts) do.
 */
import type { RuntimeConfig } from '../../src/lib/runtime-config.ts'

export const DEMO_GITHUB_CLIENT_ID = 'Iv23liDemoGitConnector'
/** The deployment's token-exchange endpoint, as a real one would be (a serverless function). */
export const DEMO_TOKEN_EXCHANGE_URL = 'https://oauth.demo.git-connector.test/github/access_token'
/** GitLab application ids are 64 hex digits. */
export const DEMO_GITLAB_APPLICATION_ID =
  'de0a9911ca7100de0a9911ca7100de0a9911ca7100de0a9911ca7100de0a9911'
/** The GitHub Enterprise and GitLab servers the demo's sign-in is set up for. */
export const DEMO_GITHUB_ENTERPRISE = 'https://github.example.com'
export const DEMO_GITLAB_SELF_MANAGED = 'https://gitlab.example.com'

/** Where the simulated authorize page is served, under the app's base. */
export const DEMO_AUTHORIZE_PATH = 'demo/authorize'

/** Sign-in settings for whatever the deployment's config.json leaves unset. */
export function withDemoSignIn(config: RuntimeConfig): RuntimeConfig {
  return {
    ...config,
    githubOAuth: config.githubOAuth ?? {
      clientId: DEMO_GITHUB_CLIENT_ID,
      tokenExchangeUrl: DEMO_TOKEN_EXCHANGE_URL,
    },
    githubEnterpriseOAuth: config.githubEnterpriseOAuth.length
      ? config.githubEnterpriseOAuth
      : [
          {
            baseUrl: DEMO_GITHUB_ENTERPRISE,
            clientId: DEMO_GITHUB_CLIENT_ID,
            tokenExchangeUrl: DEMO_TOKEN_EXCHANGE_URL,
          },
        ],
    gitlabOAuth: config.gitlabOAuth ?? { applicationId: DEMO_GITLAB_APPLICATION_ID },
    gitlabSelfManagedOAuth: config.gitlabSelfManagedOAuth.length
      ? config.gitlabSelfManagedOAuth
      : [{ baseUrl: DEMO_GITLAB_SELF_MANAGED, applicationId: DEMO_GITLAB_APPLICATION_ID }],
  }
}

/** The provider's authorize URL, sent to the simulated page instead (which keeps demo mode on). */
export function demoAuthorizeVia(baseUrl: string) {
  return (authorizeUrl: string) =>
    `${baseUrl}${DEMO_AUTHORIZE_PATH}?demo&authorize=${encodeURIComponent(authorizeUrl)}`
}
