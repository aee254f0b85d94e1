/**
 * The token field's rules: what a paste must look like, when the field may stay empty, and when
 * a stored token may be kept through an edit (only where it already went: token-origins.ts).
 */
import type { ProviderTarget } from '@/providers/types.ts'
import { tokenMayFollow } from '../token-origins.ts'
import type { ConnectionFormValues } from './form-values.ts'
import type { Checked } from './url-rules.ts'
import type { FormContext } from './validate-form.ts'

export const TOKEN_LIMIT = 4096

/**
 * Whether an empty field keeps the stored token. An address still being typed (invalid) changes
 * nothing until it is one: its own field says what is wrong meanwhile.
 */
export function keepsStoredToken(
  context: FormContext,
  target: ProviderTarget | undefined,
): boolean {
  if (!context.tokenStored) return false
  if (!target || !context.tokenEnteredFor) return true
  return tokenMayFollow(target, context.tokenEnteredFor)
}

export function addressChanged(values: ConnectionFormValues): string {
  const next =
    values.authMethod === 'oauth' ? 'Sign in again' : `Paste a ${tokenNoun(values)} for it`
  return `The stored token is only sent to the server it was entered for, and this address is another one. ${next}.`
}

export function checkToken(
  values: ConnectionFormValues,
  context: FormContext,
  tokenKept: boolean,
): Checked<string> {
  // Outer whitespace comes with copy and paste; inner whitespace means a broken paste.
  const token = values.token.trim()
  if (/\s/.test(token)) {
    return { ok: false, error: 'A token has no spaces or line breaks: copy it again and paste it.' }
  }
  if (token.length > TOKEN_LIMIT) {
    return { ok: false, error: 'This is too long to be a token: check what was pasted.' }
  }
  if (!token && values.authMethod === 'pat' && !tokenKept) {
    // A stored token the new address does not allow is replaced, even for Custom Git: an empty
    // field must not read as "send the old one there".
    if (context.tokenStored) return { ok: false, error: addressChanged(values) }
    // A Custom Git remote may be public.
    if (values.type !== 'custom-git') return { ok: false, error: `Paste the ${tokenNoun(values)}.` }
  }
  return { ok: true, value: token }
}

export function tokenNoun(values: Pick<ConnectionFormValues, 'type' | 'bitbucketCredential'>) {
  if (values.type === 'bitbucket') {
    return values.bitbucketCredential === 'api-token' ? 'API token' : 'access token'
  }
  return values.type === 'custom-git' ? 'token or password' : 'personal access token'
}
