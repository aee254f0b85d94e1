/**
 * Checks and normalizes the URLs people paste: servers, collections, remotes and proxies. Each rule
 * returns either a normalized value or a sentence for the field, never both.
 */

export type Checked<T> = { ok: true; value: T; warning?: string } | { ok: false; error: string }

const MAX_URL = 2048
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

export const plainHttpWarning =
  'This address is not encrypted: the token would cross the network in clear text. Use https:// unless the server is only reachable on a trusted network.'

/** Parses an http(s) URL without credentials, query or fragment; trims a trailing slash. */
export function checkHttpUrl(input: string, what: string): Checked<URL> {
  const text = input.trim()
  if (!text) return { ok: false, error: `Enter the ${what}.` }
  if (text.length > MAX_URL)
    return { ok: false, error: `This URL is too long (over ${MAX_URL} characters).` }
  if (/^[\w.-]+@[\w.-]+:/.test(text) || text.startsWith('ssh://') || text.startsWith('git://')) {
    return { ok: false, error: 'Browsers reach git over HTTPS only: use the https:// address.' }
  }
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
  } catch {
    return {
      ok: false,
      error: `This is not a valid URL. It should look like https://host.example.com.`,
    }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: 'Use an address that starts with https:// (or http://).' }
  }
  if (url.username || url.password) {
    return {
      ok: false,
      error: 'Remove the user name and password from the URL: the token goes in its own field.',
    }
  }
  if (url.search || url.hash) {
    return { ok: false, error: 'Remove the part after ? or # from the URL.' }
  }
  url.pathname = url.pathname.replace(/\/+$/, '')
  const warning =
    url.protocol === 'http:' && !LOOPBACK.has(url.hostname) ? plainHttpWarning : undefined
  return warning ? { ok: true, value: url, warning } : { ok: true, value: url }
}

export function urlText(url: URL): string {
  return `${url.origin}${url.pathname === '/' ? '' : url.pathname}`
}

/** A GitHub Enterprise Server address: the server alone; `/api/v3` is added by the app. */
export function checkGitHubServerUrl(input: string): Checked<string> {
  const checked = checkHttpUrl(input, 'server address')
  if (!checked.ok) return checked
  const url = checked.value
  if (url.hostname === 'github.com' || url.hostname === 'api.github.com') {
    return { ok: false, error: 'This is github.com: choose the GitHub connection type instead.' }
  }
  url.pathname = url.pathname.replace(/\/api\/v3$/, '')
  if (url.pathname !== '' && url.pathname !== '/') {
    return {
      ok: false,
      error: `Enter only the server address, without a path: ${url.origin}`,
    }
  }
  return withWarning(urlText(url), checked.warning)
}

/** A GitLab instance; it may live under a relative root such as /gitlab, so a path is allowed. */
export function checkGitLabUrl(input: string): Checked<string> {
  const checked = checkHttpUrl(input, 'GitLab address')
  if (!checked.ok) return checked
  const url = checked.value
  if (url.hostname === 'gitlab.com') {
    return { ok: false, error: 'This is gitlab.com: choose the GitLab connection type instead.' }
  }
  url.pathname = url.pathname.replace(/\/api\/v4$/, '')
  if (/\/-\/|\/users\/sign_in/.test(url.pathname)) {
    return { ok: false, error: `Enter the instance address only, e.g. ${url.origin}` }
  }
  return withWarning(urlText(url), checked.warning)
}

/** `https://host[/tfs]/{collection}`: a collection is required, deeper paths are not. */
export function checkCollectionUrl(input: string): Checked<string> {
  const checked = checkHttpUrl(input, 'collection URL')
  if (!checked.ok) return checked
  const url = checked.value
  if (url.hostname === 'dev.azure.com' || url.hostname.endsWith('.visualstudio.com')) {
    return {
      ok: false,
      error: 'This is Azure DevOps Services: choose the Azure DevOps type instead.',
    }
  }
  const segments = url.pathname.split('/').filter(Boolean)
  const collection = segments[0]?.toLowerCase() === 'tfs' ? segments.slice(1) : segments
  if (collection.length === 0) {
    return {
      ok: false,
      error: `Add the collection to the URL, e.g. ${url.origin}/tfs/DefaultCollection`,
    }
  }
  if (collection.length > 1 || collection[0] === '_apis') {
    return {
      ok: false,
      error: 'Enter the collection URL only, without a project or page after it.',
    }
  }
  return withWarning(urlText(url), checked.warning)
}

/** An HTTPS git remote with a repository path. */
export function checkRemoteUrl(input: string): Checked<string> {
  const checked = checkHttpUrl(input, 'repository URL')
  if (!checked.ok) return checked
  const url = checked.value
  const segments = url.pathname.split('/').filter(Boolean)
  if (segments.length === 0) {
    return {
      ok: false,
      error:
        'This is a server, not a repository: use the clone URL, e.g. https://host/team/app.git',
    }
  }
  if (/\/(tree|blob|commits?|-)(\/|$)/.test(url.pathname) && !url.pathname.endsWith('.git')) {
    return {
      ok: false,
      error:
        'This looks like a web page of the repository: use its clone URL (usually ending in .git).',
    }
  }
  return withWarning(urlText(url), checked.warning)
}

export function checkProxyUrl(input: string): Checked<string | undefined> {
  if (!input.trim()) return { ok: true, value: undefined }
  const checked = checkHttpUrl(input, 'CORS proxy URL')
  if (!checked.ok) return checked
  return withWarning(urlText(checked.value), checked.warning)
}

/** Azure DevOps organization: a name, or any URL of the organization. */
export function checkOrganization(input: string): Checked<string> {
  const text = input.trim()
  if (!text) return { ok: false, error: 'Enter the organization: the name after dev.azure.com/.' }
  let name = text
  const fromUrl = /^(?:https?:\/\/)?dev\.azure\.com\/([^/?#]+)/i.exec(text)
  const legacy = /^(?:https?:\/\/)?([^./?#]+)\.visualstudio\.com/i.exec(text)
  if (fromUrl?.[1]) name = decodeURIComponent(fromUrl[1])
  else if (legacy?.[1]) name = legacy[1]
  else if (text.includes('/') || text.includes(':')) {
    return {
      ok: false,
      error: 'Enter the organization name, or a URL like https://dev.azure.com/your-org.',
    }
  }
  // Azure DevOps organization names: letters, digits and hyphens, not starting or ending in one.
  if (name.length > 50 || !/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(name)) {
    return {
      ok: false,
      error: 'An organization name has only letters, digits and hyphens (up to 50).',
    }
  }
  return { ok: true, value: name }
}

function withWarning<T>(value: T, warning: string | undefined): Checked<T> {
  return warning ? { ok: true, value, warning } : { ok: true, value }
}
