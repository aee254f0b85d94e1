/**
 * Azure DevOps: verify(), for Services (`https://dev.azure.com/{organization}`) and Server
 * (a collection URL). A PAT goes as `Basic base64(":" + PAT)`
 * (https://learn.microsoft.com/en-us/azure/devops/integrate/how-to/call-rest-api). PATs report
 * neither scopes nor expiry to their bearer, so both stay null.
 */
import type { Account, Verification } from '../types.ts'
import { PREFERRED_API_VERSION } from './api-version.ts'
import type { AzureContext } from './context.ts'
import { ConnectionData, ProjectList } from './schemas.ts'

const EMAIL = /^[^\s@\\]+@[^\s@\\]+\.[^\s@\\]+$/

function accountFrom({ authenticatedUser: user }: ConnectionData): Account {
  const value = user.properties?.Account?.$value
  const signInName = typeof value === 'string' && value !== '' ? value : null
  const displayName = user.customDisplayName ?? user.providerDisplayName ?? null
  return {
    id: user.id,
    login: signInName ?? displayName ?? user.id,
    displayName,
    // Avatars need an authenticated request (Graph API), which an <img> cannot make.
    avatarUrl: null,
    emails: signInName !== null && EMAIL.test(signInName) ? [signInName] : [],
  }
}

export async function verifyAzure(
  context: AzureContext,
  signal?: AbortSignal,
): Promise<Verification> {
  const site = context.site()
  const api = context.client()
  const notices: string[] = []

  // Proves the PAT can read this organization or collection, and finds the API version to use
  // (kept by the context for every later call, and on the connection for later adapters).
  const { value: projects, version } = await context.versioned((apiVersion) =>
    api.getJson('_apis/projects', {
      validate: (v) => ProjectList.parse(v),
      query: { $top: 1, 'api-version': apiVersion },
      signal,
    }),
  )

  // Who the PAT belongs to. connectionData never left preview: it takes the version with the
  // `-preview` flag, and a plain one is refused with a 400 (VssInvalidPreviewVersionException).
  const connection = await api.getJson('_apis/connectionData', {
    validate: (v) => ConnectionData.parse(v),
    query: { 'api-version': `${version}-preview` },
    signal,
  })
  if (version !== PREFERRED_API_VERSION) {
    notices.push(
      `This server supports REST API version ${version} at most, so the app uses ${version} instead of ${PREFERRED_API_VERSION}.`,
    )
  }
  if (projects.data.count === 0 && projects.data.value.length === 0) {
    notices.push(
      site.server
        ? 'The token works but sees no projects in this collection.'
        : 'The token works but sees no projects in this organization.',
    )
  }
  return {
    account: accountFrom(connection.data),
    scopes: null,
    expiresAt: null,
    remote: null,
    notices,
    // Only a Server's version had to be found; Services always speaks the preferred one.
    ...(site.server ? { apiVersion: version } : {}),
  }
}
