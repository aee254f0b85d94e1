/**
 * The reason a release source shows when the provider would not let its token create the release
 * webhook: what this provider asks for (token scope or permission, and the person's role on the
 * repository), what to do next, and the provider's own words when it sent some. Scope names come
 * from the providers' documentation (see provider-apis.md in the research notes):
 * - GitHub: classic `admin:repo_hook` (or `repo`), fine-grained "Webhooks: Read and write", and
 *   repository admin; GitHub answers 404 to a token without them.
 * - GitLab: the `api` scope (`read_api` only reads) and the Maintainer (or Owner) role.
 * - Bitbucket: API tokens `read:`, `write:` and `delete:webhook:bitbucket`; access tokens the
 *   `webhook` scope ("Webhooks: Read and write"); repository admin.
 * - Azure DevOps: the "Service Hooks (Read & write)" scope (`vso.hooks_write`) and the
 *   "Edit subscriptions" service-hook permission, which Project Administrators have.
 */
import { connectionTypeInfo } from '@/lib/connection-types.ts'
import type { ProviderError } from '@/providers/errors.ts'
import type { ProviderTarget, RepoRef } from '@/providers/types.ts'

/**
 * Refusals worth a webhook-specific sentence: `forbidden` (a missing scope, permission or role,
 * as the adapters tell it), and `not-found` other than a hook that is gone, because providers
 * (GitHub above all) answer 404 for what a token may not see.
 */
export function isWebhookRefusal(error: ProviderError): boolean {
  if (error.kind === 'forbidden' || error.reason === 'missing-scope') return true
  return error.kind === 'not-found' && error.reason !== 'hook-not-found'
}

const NEXT_STEP = 'Enter a token with that access, then Re-provision.'

/**
 * The sentence for a refusal, or null for a connection type that has no webhooks (the caller then
 * falls back to the general description of the error).
 */
export function describeWebhookRefusal(
  error: ProviderError,
  target: ProviderTarget,
  repo: Pick<RepoRef, 'fullName'>,
): string | null {
  const name = connectionTypeInfo[target.type].providerName
  const needs = requirements(target)
  if (needs === null) return null
  const words = providerWords(error)
  const said = words === null ? '' : ` ${name} said: “${words}”.`
  return `${name} did not let this token manage webhooks on ${repo.fullName}. ${needs} ${NEXT_STEP}${said}`
}

function requirements(target: ProviderTarget): string | null {
  switch (target.type) {
    case 'github':
    case 'github-enterprise':
      return 'A classic token needs the admin:repo_hook scope (or repo); a fine-grained token needs the “Webhooks: Read and write” repository permission; and you must be an admin of the repository.'
    case 'gitlab':
    case 'gitlab-self-managed':
      return 'The token needs the api scope (read_api only reads), and you need the Maintainer or Owner role on the project.'
    case 'bitbucket':
      return target.credentialKind === 'api-token'
        ? 'An API token needs the read:webhook:bitbucket, write:webhook:bitbucket and delete:webhook:bitbucket scopes, and you must be an admin of the repository.'
        : 'An access token needs the “Webhooks: Read and write” permission (the webhook scope).'
    case 'azure-devops':
    case 'azure-devops-server':
      return 'Webhooks are service hooks there: the token needs the “Service Hooks (Read & write)” scope, and you need the “Edit subscriptions” permission for service hooks, which Project Administrators have.'
    case 'custom-git':
      return null
  }
}

/**
 * What the provider itself said, when it said something: the adapters keep the provider's words
 * (`providerMessage`) apart from their own explanation (`hint`), which the sentence above covers.
 */
export function providerWords(error: ProviderError): string | null {
  // The sentence closes the quote with its own full stop.
  return error.providerMessage?.trim().replace(/\.+$/, '') || null
}
