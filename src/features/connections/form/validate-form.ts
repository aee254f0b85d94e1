/**
 * The form's validation table: every field's rule, by connection type. It returns errors (block
 * saving), warnings (shown, do not block) and, when nothing blocks, the normalized draft to verify.
 */
import { inertText } from '@/lib/inert-text.tsx'
import { tokenMismatchWarning } from '@/providers/token-formats.ts'
import type { ProviderTarget } from '@/providers/types.ts'
import { hasVisibleCharacter } from '@/storage/schema.ts'
import type {
  AuthMethod,
  ConnectionFormField,
  ConnectionFormValues,
  TokenLifetime,
} from './form-values.ts'
import {
  checkCollectionUrl,
  checkGitHubServerUrl,
  checkGitLabUrl,
  checkOrganization,
  checkProxyUrl,
  checkRemoteUrl,
  type Checked,
} from './url-rules.ts'
import { addressChanged, checkToken, keepsStoredToken, TOKEN_LIMIT } from './token-rules.ts'

export { tokenNoun } from './token-rules.ts'

export interface ConnectionDraft {
  name: string
  username: string | undefined
  target: ProviderTarget
  /** Undefined when the field was left empty (edit keeps the stored token; Custom Git may be public). */
  token: string | undefined
  tokenLifetime: TokenLifetime
  authMethod: AuthMethod
}

export interface FormContext {
  /** Names of the other stored connections, for the uniqueness rule. */
  otherNames: readonly string[]
  /** Editing a connection whose token is stored: an empty token field keeps it. */
  tokenStored: boolean
  /**
   * Where the stored token was entered for (the edited record's target). An address edit that
   * would send it to another origin needs a new token: the stored one is kept only within these.
   */
  tokenEnteredFor?: ProviderTarget
}

type FieldMessages = Partial<Record<ConnectionFormField, string>>

export interface FormCheck {
  errors: FieldMessages
  warnings: FieldMessages
  draft: ConnectionDraft | null
  /** An empty token field keeps the stored token: one is stored and the address allows it. */
  tokenKept: boolean
}

export const LIMITS = {
  name: 80,
  username: 100,
  email: 254,
  workspace: 62,
  branch: 255,
  token: TOKEN_LIMIT,
}

export function validateConnectionForm(
  values: ConnectionFormValues,
  context: FormContext,
): FormCheck {
  const errors: FieldMessages = {}
  const warnings: FieldMessages = {}
  const take = <T>(field: ConnectionFormField, checked: Checked<T>): T | undefined => {
    if (!checked.ok) {
      errors[field] = checked.error
      return undefined
    }
    if (checked.warning) warnings[field] = checked.warning
    return checked.value
  }

  const name = take('name', checkName(values.name, context.otherNames))
  const username = take('username', checkUsername(values))
  const target = buildTarget(values, take)
  const tokenKept = keepsStoredToken(context, target)
  const token = take('token', checkToken(values, context, tokenKept))
  if (token && target) {
    const mismatch = tokenMismatchWarning(values.type, token, values.bitbucketCredential)
    if (mismatch) warnings.token = mismatch
  }
  // Said as soon as the address changes, before anything is submitted (and for a sign-in too).
  if (!token && context.tokenStored && !tokenKept) warnings.token = addressChanged(values)

  const valid = Object.keys(errors).length === 0 && name !== undefined && target !== undefined
  const draft: ConnectionDraft | null = valid
    ? {
        name,
        username: username || undefined,
        target,
        token: token || undefined,
        tokenLifetime: values.tokenLifetime,
        authMethod: values.authMethod,
      }
    : null
  return { errors, warnings, draft, tokenKept }
}

function checkName(input: string, otherNames: readonly string[]): Checked<string> {
  const name = input.trim().replace(/\s+/g, ' ')
  if (!name) return { ok: false, error: 'Give this connection a name, e.g. “Work GitHub”.' }
  if (!hasVisibleCharacter(name)) {
    return {
      ok: false,
      error:
        'This name shows nothing: it has only invisible characters. Type a name people can read.',
    }
  }
  if (name.length > LIMITS.name) {
    return { ok: false, error: `Keep the name under ${LIMITS.name} characters.` }
  }
  const taken = otherNames.some((other) => other.toLocaleLowerCase() === name.toLocaleLowerCase())
  if (taken)
    return { ok: false, error: `Another connection is already called “${inertText(name)}”.` }
  return { ok: true, value: name }
}

function checkUsername(values: ConnectionFormValues): Checked<string> {
  const username = values.username.trim()
  if (!username && values.type === 'bitbucket') {
    return {
      ok: false,
      error:
        'Bitbucket needs the name of the account the token belongs to: your Bitbucket username or nickname.',
    }
  }
  if (username.length > LIMITS.username) {
    return { ok: false, error: `A username has at most ${LIMITS.username} characters.` }
  }
  // A Bitbucket nickname may hold spaces (and is what /user reports when `username` is gone);
  // the others' usernames never do.
  if (values.type === 'bitbucket') return { ok: true, value: username.replace(/\s+/g, ' ') }
  if (/\s/.test(username)) return { ok: false, error: 'A username has no spaces.' }
  return { ok: true, value: username }
}

type Take = <T>(field: ConnectionFormField, checked: Checked<T>) => T | undefined

function buildTarget(values: ConnectionFormValues, take: Take): ProviderTarget | undefined {
  switch (values.type) {
    case 'github':
    case 'gitlab':
      return { type: values.type }
    case 'github-enterprise': {
      const baseUrl = take('baseUrl', checkGitHubServerUrl(values.baseUrl))
      return baseUrl === undefined ? undefined : { type: values.type, baseUrl }
    }
    case 'gitlab-self-managed': {
      const baseUrl = take('baseUrl', checkGitLabUrl(values.baseUrl))
      return baseUrl === undefined ? undefined : { type: values.type, baseUrl }
    }
    case 'bitbucket':
      return bitbucketTarget(values, take)
    case 'azure-devops': {
      const organization = take('organization', checkOrganization(values.organization))
      return organization === undefined ? undefined : { type: values.type, organization }
    }
    case 'azure-devops-server': {
      const collectionUrl = take('collectionUrl', checkCollectionUrl(values.collectionUrl))
      return collectionUrl === undefined ? undefined : { type: values.type, collectionUrl }
    }
    case 'custom-git':
      return customGitTarget(values, take)
  }
}

function bitbucketTarget(values: ConnectionFormValues, take: Take): ProviderTarget | undefined {
  const apiToken = values.bitbucketCredential === 'api-token'
  const email = take('email', checkEmail(values.email, apiToken))
  const workspace = take('workspace', checkWorkspace(values.workspace, !apiToken))
  if (email === undefined || workspace === undefined) return undefined
  return {
    type: 'bitbucket',
    credentialKind: values.bitbucketCredential,
    ...(apiToken && email ? { email } : {}),
    ...(workspace ? { workspace } : {}),
  }
}

function customGitTarget(values: ConnectionFormValues, take: Take): ProviderTarget | undefined {
  const repositoryUrl = take('repositoryUrl', checkRemoteUrl(values.repositoryUrl))
  const branch = take('branch', checkBranch(values.branch))
  const corsProxy = checkProxyUrl(values.corsProxyUrl)
  const corsProxyUrl = take('corsProxyUrl', corsProxy)
  const gitUsername = take('gitUsername', checkGitUsername(values.gitUsername))
  if (repositoryUrl === undefined || branch === undefined || !corsProxy.ok) return undefined
  if (gitUsername === undefined) return undefined
  return {
    type: 'custom-git',
    repositoryUrl,
    branch,
    ...(corsProxyUrl ? { corsProxyUrl } : {}),
    ...(gitUsername ? { gitUsername } : {}),
  }
}

function checkEmail(input: string, required: boolean): Checked<string> {
  const email = input.trim()
  if (!email) {
    return required
      ? {
          ok: false,
          error: 'Enter your Atlassian account email: Bitbucket API tokens sign in with it.',
        }
      : { ok: true, value: '' }
  }
  if (email.length > LIMITS.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return { ok: false, error: 'This is not an email address.' }
  }
  return { ok: true, value: email }
}

function checkWorkspace(input: string, required: boolean): Checked<string> {
  const workspace = input
    .trim()
    .replace(/^https?:\/\/bitbucket\.org\//, '')
    .replace(/\/.*$/, '')
  if (!workspace) {
    return required
      ? { ok: false, error: 'Access tokens cannot list workspaces: enter the workspace ID.' }
      : { ok: true, value: '' }
  }
  if (workspace.length > LIMITS.workspace || !/^[A-Za-z0-9_-]+$/.test(workspace)) {
    return {
      ok: false,
      error: 'A workspace ID has only letters, digits, hyphens and underscores.',
    }
  }
  return { ok: true, value: workspace.toLowerCase() }
}

function checkBranch(input: string): Checked<string> {
  const branch = input.trim().replace(/^refs\/heads\//, '')
  if (!branch) return { ok: false, error: 'Enter the branch to build, e.g. main.' }
  // git check-ref-format, the parts that matter for names people type.
  const invalid =
    branch.length > LIMITS.branch ||
    /[\s~^:?*[\\]|\.\.|@\{|\/\/|^[-/.]|[/.]$|\.lock$/.test(branch) ||
    hasControlCharacter(branch)
  if (invalid) return { ok: false, error: 'This is not a valid git branch name.' }
  return { ok: true, value: branch }
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}

function checkGitUsername(input: string): Checked<string> {
  const username = input.trim()
  if (username.length > LIMITS.username || /[\s:]/.test(username)) {
    return { ok: false, error: 'A git username has no spaces or colons.' }
  }
  return { ok: true, value: username }
}
