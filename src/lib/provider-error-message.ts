/**
 * Turns a ProviderError into our sentence (what happened and what to do) and, apart from it, the
 * provider's own words. The adapters decide the kind, the reason and any cause-specific hint;
 * this file decides the words. Our sentence never quotes the provider, and the provider's words
 * are never ours: the UI shows them set apart ("GitHub said: …") through display-text.
 */
import type { ProviderError } from '@/providers/errors.ts'
import type { ProviderTarget } from '@/providers/types.ts'
import { connectionTypeInfo } from './connection-types.ts'

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

export interface ProviderWords {
  /** Who said it, as a sentence starts: "GitHub", "The git remote". */
  by: string
  /** What it said, as it said it (secrets already removed by the adapter). */
  text: string
}

export interface ProviderErrorText {
  sentence: string
  providerWords: ProviderWords | null
}

/** "the git remote" → "The git remote": provider names are written for the middle of a sentence. */
export function atSentenceStart(name: string): string {
  return name.charAt(0).toLocaleUpperCase() + name.slice(1)
}

export function explainProviderError(
  error: ProviderError,
  target: ProviderTarget,
): ProviderErrorText {
  const name = connectionTypeInfo[target.type].providerName
  const text = error.providerMessage?.trim()
  return {
    sentence: sentenceFor(error, target, name),
    providerWords: text ? { by: atSentenceStart(name), text } : null,
  }
}

/** Our sentence and the provider's words in one string, for a notice or a stored reason. */
export function describeProviderError(error: ProviderError, target: ProviderTarget): string {
  return joinWords(explainProviderError(error, target))
}

export function joinWords({ sentence, providerWords }: ProviderErrorText): string {
  if (!providerWords) return sentence
  // The quote closes with its own full stop.
  const words = providerWords.text.replace(/\.+$/, '')
  return `${sentence} ${providerWords.by} said: “${words}”.`
}

function sentenceFor(error: ProviderError, target: ProviderTarget, name: string): string {
  const Name = atSentenceStart(name)
  const reasoned = reasonSentence(error, target)
  if (reasoned) return reasoned
  switch (error.kind) {
    case 'unauthorized':
      return error.hint ?? unauthorized(target, name)
    case 'forbidden':
      return (
        error.hint ??
        `${Name} accepted the token but refused access: give it the scopes listed under the token field, or authorize it for your organization's single sign-on.`
      )
    case 'not-found':
      return error.hint ?? notFound(error, target, name)
    case 'invalid-request':
      return error.hint ?? invalidRequest(error, Name)
    case 'rate-limited':
      if (error.secondary) {
        return `${Name} paused requests from this token for a moment (secondary rate limit). Wait a minute and try again.`
      }
      return error.resetAt
        ? `${Name} is rate limiting this token until ${timeFormat.format(error.resetAt)}. Try again after that.`
        : `${Name} is rate limiting this token. Wait a few minutes and try again.`
    case 'network':
      return network(error, target, name)
    case 'server':
      return (
        error.hint ??
        `${Name} had a problem answering${error.status ? ` (${error.status})` : ''}. Try again in a few minutes.`
      )
    case 'invalid-response':
      if (error.hint) return error.hint
      return target.type === 'custom-git'
        ? 'The server answered, but not like a git remote. Check the repository URL.'
        : `The server answered, but not the way the ${name} API does. Check the address.`
    case 'unsupported':
      return error.hint ?? `${connectionTypeInfo[target.type].label} connections cannot do this.`
  }
}

/** Causes whose sentence needs the connection's own settings (the proxy's address). */
function reasonSentence(error: ProviderError, target: ProviderTarget): string | null {
  if (target.type !== 'custom-git') return null
  const proxy = hostOf(target.corsProxyUrl) ?? 'the connection’s address'
  switch (error.reason) {
    case 'proxy-unreachable':
      return `The CORS proxy at ${proxy} is not answering, or it refused this request. Check the CORS proxy URL, that the proxy is running, and that it allows requests from this app.`
    case 'proxy-failed':
      return `The CORS proxy at ${proxy} is up, but could not get an answer from the remote behind it${error.status ? ` (${error.status})` : ''}. Check the repository URL, and that ${hostOf(target.repositoryUrl) ?? 'the remote'} is up and reachable from the proxy.`
    case 'remote-unreachable':
      return 'The browser could not reach this remote. Most git hosts do not allow cross-origin requests: add a CORS proxy, or save the connection without verifying it.'
    default:
      return null
  }
}

function hostOf(url: string | undefined): string | null {
  if (!url?.trim()) return null
  try {
    return new URL(url.trim()).host
  } catch {
    return null
  }
}

function invalidRequest(error: ProviderError, Name: string): string {
  const status = error.status ? ` (${error.status})` : ''
  return error.providerMessage
    ? `${Name} refused the request as invalid${status}. Its reason follows: correct what it names, then try again.`
    : `${Name} refused the request as invalid${status} without saying why. Check the connection’s settings, then try again.`
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
      return `${atSentenceStart(name)} did not accept this token: it may be mistyped, expired or revoked. Create a new token and paste it here.`
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
      return 'The remote has no branch by this name.'
    case 'repository-url':
      return 'No git repository answered at this URL. Check the address (it usually ends in .git).'
    default:
      return error.reason === 'hook-not-found'
        ? `The webhook is no longer on ${name}: it was removed there.`
        : `${atSentenceStart(name)} could not find what was asked for.`
  }
}

function network(error: ProviderError, target: ProviderTarget, name: string): string {
  if (error.networkCause === 'offline') return 'This browser is offline. Reconnect and try again.'
  if (error.networkCause === 'timeout') {
    return `${atSentenceStart(name)} did not answer in time. Try again, or check that the server is up.`
  }
  if (error.hint) return error.hint
  switch (target.type) {
    case 'custom-git':
      return 'The browser could not reach this remote. Check the repository URL and, if it goes through one, the CORS proxy URL.'
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
