/**
 * Where an Azure DevOps connection points: the organization URL on Services, the collection URL on
 * Server, and how a request that never got an answer is explained for each.
 */
import { ProviderError, type ErrorSubject } from '../errors.ts'
import { reviseProviderError } from '../http.ts'
import type { ProviderTarget } from '../types.ts'

export type AzureTarget = Extract<ProviderTarget, { type: 'azure-devops' | 'azure-devops-server' }>

export interface Site {
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

export function siteFor(target: AzureTarget): Site {
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
  const url = parseUrl(target.collectionUrl.trim())
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new ProviderError(
      'unsupported',
      'Enter the collection URL, like https://host/tfs/DefaultCollection.',
      { subject: 'collection-url' },
    )
  }
  return {
    server: true,
    baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
    subject: 'collection-url',
  }
}

/**
 * A fetch that never got an answer. Services sends no CORS headers with the error it gives a
 * rejected PAT, so a refused credential looks like a network failure (research §4.1;
 * MicrosoftDocs/azure-devops-docs#3586). Server has no CORS at all until its admin adds it.
 */
export function networkHint(site: Site) {
  return (error: ProviderError): ProviderError => {
    if (error.networkCause === 'offline') return error
    if (site.server) {
      const origin = typeof location === 'undefined' ? 'this app’s address' : location.origin
      return reviseProviderError(error, {
        subject: 'collection-url',
        hint: `The browser could not read an answer from the server. Azure DevOps Server does not allow cross-origin requests by default: its administrator must enable CORS for ${origin}. Also check the collection URL and that this computer can reach the server.`,
      })
    }
    return reviseProviderError(error, {
      message: 'Azure DevOps rejected the credential, or the request was blocked (CORS).',
      subject: 'token',
      hint: 'Azure DevOps answers a rejected PAT (expired, revoked, or made for another organization) without CORS headers, so the browser cannot tell it from a network failure. Check the token and the organization.',
    })
  }
}
