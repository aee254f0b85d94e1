/**
 * Turns a ProviderError into one sentence that says what happened and what to do. The adapters
 * decide the kind; this file decides the words.
 */
import type { ProviderError } from '@/providers/errors.ts'
import type { ProviderTarget } from '@/providers/types.ts'
import { connectionTypeInfo } from './connection-types.ts'

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

export function describeProviderError(error: ProviderError, target: ProviderTarget): string {
  const info = connectionTypeInfo[target.type]
  const name = info.providerName
  const detail = error.detail ? ` ${name} said: “${error.detail}”.` : ''
  switch (error.kind) {
    case 'unauthorized':
      return unauthorized(target, name)
    case 'forbidden':
      return `${name} accepted the token but refused access: give it the scopes listed under the token field, or authorize it for your organization's single sign-on.${detail}`
    case 'not-found':
      return notFound(error, target, name)
    case 'rate-limited':
      if (error.secondary) {
        return `${name} paused requests from this token for a moment (secondary rate limit). Wait a minute and try again.`
      }
      return error.resetAt
        ? `${name} is rate limiting this token until ${timeFormat.format(error.resetAt)}. Try again after that.`
        : `${name} is rate limiting this token. Wait a few minutes and try again.`
    case 'network':
      return network(error, target, name)
    case 'server':
      return `${name} had a problem answering${error.status ? ` (${error.status})` : ''}. Try again in a few minutes.`
    case 'invalid-response':
      return `The server answered, but not the way the ${name} API does. Check the address.${detail}`
    case 'unsupported':
      return `${info.label} connections cannot do this.`
  }
}

function unauthorized(target: ProviderTarget, name: string): string {
  switch (target.type) {
    case 'bitbucket':
      return target.credentialKind === 'api-token'
        ? 'Bitbucket did not accept this email and API token. Use your Atlassian account email and an API token created with Bitbucket scopes (app passwords stopped working on 9 June 2026).'
        : 'Bitbucket did not accept this access token: it may be mistyped, expired or revoked. Create a new one and paste it here.'
    case 'azure-devops':
      return `Azure DevOps did not accept this token for organization “${target.organization}”. Check that it was created in this organization and has not expired.`
    case 'custom-git':
      return 'The git remote refused these credentials. Check the git username and the token or password.'
    default:
      return `${name} did not accept this token: it may be mistyped, expired or revoked. Create a new token and paste it here.`
  }
}

function notFound(error: ProviderError, target: ProviderTarget, name: string): string {
  switch (error.subject) {
    case 'base-url':
      return target.type === 'github-enterprise'
        ? 'No GitHub Enterprise Server API answered at this address (the app adds /api/v3). Check the server URL.'
        : `No ${name} API answered at this address (the app adds /api/v4). Check the URL.`
    case 'organization':
      return 'Azure DevOps has no organization by this name, or this token cannot see it. Check the spelling.'
    case 'collection-url':
      return 'No Azure DevOps Server collection answered at this URL. It looks like https://host/tfs/DefaultCollection.'
    case 'workspace':
      return 'Bitbucket has no workspace by this name that this token can see. Check the workspace ID.'
    case 'branch':
      return error.detail ?? 'The remote has no branch by this name.'
    case 'repository-url':
      return 'No git repository answered at this URL. Check the address (it usually ends in .git).'
    default:
      return `${name} could not find what was asked for.`
  }
}

function network(error: ProviderError, target: ProviderTarget, name: string): string {
  if (error.networkCause === 'offline') return 'This browser is offline. Reconnect and try again.'
  if (error.networkCause === 'timeout') {
    return `${name} did not answer in time. Try again, or check that the server is up.`
  }
  switch (target.type) {
    case 'custom-git':
      return 'The browser could not reach this remote. Most git hosts do not allow cross-origin requests: add a CORS proxy, or save the connection without verifying it.'
    case 'github-enterprise':
    case 'gitlab-self-managed':
    case 'azure-devops-server':
      return `The browser could not reach ${name} at this address. Check the URL, that this computer trusts the server's certificate, and that the server allows cross-origin requests from this app (CORS). You can also save without verifying.`
    case 'azure-devops':
      return 'Azure DevOps could not be reached, or it rejected the token (it answers a refused token in a way the browser reports as a network error). Check the token and the organization, then try again.'
    default:
      return `${name} could not be reached. Check your connection and try again.`
  }
}
