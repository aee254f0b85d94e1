/**
 * Azure DevOps adapter: verify(), for Services (`https://dev.azure.com/{organization}`) and Server
 * (a collection URL). A PAT goes as `Basic base64(":" + PAT)`
 * (https://learn.microsoft.com/en-us/azure/devops/integrate/how-to/call-rest-api). PATs report
 * neither scopes nor expiry to their bearer, so both stay null.
 */
import { ProviderError, type ErrorSubject } from '../errors.ts'
import { basicAuthorization, createHttpClient, reviseProviderError } from '../http.ts'
import type { Account, GitProviderFactory, Verification } from '../types.ts'
import { negotiateApiVersion, PREFERRED_API_VERSION } from './api-version.ts'
import { ConnectionData, ProjectList } from './schemas.ts'

interface Site {
  server: boolean
  baseUrl: string
  /** The form field a wrong address points at. */
  subject: ErrorSubject
}

/** Accepts a bare name, `https://dev.azure.com/org[/…]` or the legacy `https://org.visualstudio.com`. */
export function organizationBaseUrl(organization: string): string {
  const value = organization.trim()
  const name =
    /^https?:\/\/dev\.azure\.com\/([^/?#]+)/i.exec(value)?.[1] ??
    /^https?:\/\/([^./]+)\.visualstudio\.com/i.exec(value)?.[1] ??
    encodeURIComponent(value)
  return `https://dev.azure.com/${name}`
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

function siteFor(target: Parameters<GitProviderFactory>[0]): Site {
  if (target.type === 'azure-devops') {
    if (target.organization.trim() === '') {
      throw new ProviderError('unsupported', 'Enter the Azure DevOps organization.', {
        subject: 'organization',
      })
    }
    return {
      server: false,
      baseUrl: organizationBaseUrl(target.organization),
      subject: 'organization',
    }
  }
  if (target.type === 'azure-devops-server') {
    const url = parseUrl(target.collectionUrl.trim())
    if (!url || !/^https?:$/.test(url.protocol)) {
      throw new ProviderError(
        'unsupported',
        'Enter the collection URL, like https://host/tfs/DefaultCollection.',
        {
          subject: 'collection-url',
        },
      )
    }
    return {
      server: true,
      baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
      subject: 'collection-url',
    }
  }
  throw new ProviderError(
    'unsupported',
    `The Azure DevOps adapter cannot verify a ${target.type} connection.`,
  )
}

/**
 * A fetch that never got an answer. Services sends no CORS headers with the error it gives a
 * rejected PAT, so a refused credential looks like a network failure (research §4.1;
 * MicrosoftDocs/azure-devops-docs#3586). Server has no CORS at all until its admin adds it.
 */
function networkHint(site: Site) {
  return (error: ProviderError): ProviderError => {
    if (error.networkCause === 'offline') return error
    if (site.server) {
      const origin = typeof location === 'undefined' ? 'this app’s address' : location.origin
      return reviseProviderError(error, {
        subject: 'collection-url',
        detail: `The browser could not read an answer from the server. Azure DevOps Server does not allow cross-origin requests by default: its administrator must enable CORS for ${origin}. Also check the collection URL and that this computer can reach the server.`,
      })
    }
    return reviseProviderError(error, {
      message: 'Azure DevOps rejected the credential, or the request was blocked (CORS).',
      subject: 'token',
      detail:
        'Azure DevOps answers a rejected PAT (expired, revoked, or made for another organization) without CORS headers, so the browser cannot tell it from a network failure. Check the token and the organization.',
    })
  }
}

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

async function verifyAzure(site: Site, token: string, signal?: AbortSignal): Promise<Verification> {
  const api = createHttpClient({
    baseUrl: site.baseUrl,
    authorization: basicAuthorization('', token),
    secrets: [token],
    context: { unauthorizedSubject: 'token', notFoundSubject: site.subject },
    htmlMeansSignIn: true,
    onNetworkFailure: networkHint(site),
  })
  const notices: string[] = []

  // Who the PAT belongs to. connectionData answers without an api-version on every release.
  const connection = await api.getJson('_apis/connectionData', {
    validate: (v) => ConnectionData.parse(v),
    signal,
  })

  // Proves the PAT can read this organization or collection, and finds the API version to use.
  const { value: projects, version } = await negotiateApiVersion((apiVersion) =>
    api.getJson('_apis/projects', {
      validate: (v) => ProjectList.parse(v),
      query: { $top: 1, 'api-version': apiVersion },
      signal,
    }),
  )
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
  }
}

export const createAzureDevOpsProvider: GitProviderFactory = (target, credentials) => ({
  type: target.type,
  verify: async (signal) => verifyAzure(siteFor(target), credentials.token, signal),
})
