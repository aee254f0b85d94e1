import { describe, expect, it } from 'vitest'
import {
  ProviderError,
  type ProviderErrorKind,
  type ProviderErrorOptions,
} from '@/providers/errors.ts'
import type { ProviderTarget } from '@/providers/types.ts'
import { describeWebhookRefusal, isWebhookRefusal, providerWords } from './webhook-refusal.ts'

const REPO = { fullName: 'acme/app' }
const GITHUB: ProviderTarget = { type: 'github' }
const GHES: ProviderTarget = { type: 'github-enterprise', baseUrl: 'https://git.example.com' }
const GITLAB: ProviderTarget = { type: 'gitlab' }
const BITBUCKET_API_TOKEN: ProviderTarget = {
  type: 'bitbucket',
  credentialKind: 'api-token',
  email: 'bea@example.com',
}
const BITBUCKET_ACCESS_TOKEN: ProviderTarget = {
  type: 'bitbucket',
  credentialKind: 'access-token',
  workspace: 'acme',
}
const AZURE: ProviderTarget = { type: 'azure-devops', organization: 'fabrikam' }

/** A refusal with the provider's words, and whatever else the adapter set. */
function refusal(
  kind: ProviderErrorKind = 'forbidden',
  status = 403,
  providerMessage?: string,
  more: ProviderErrorOptions = {},
): ProviderError {
  return new ProviderError(kind, 'refused', {
    status,
    ...(providerMessage === undefined ? {} : { providerMessage }),
    ...more,
  })
}

describe('describeWebhookRefusal', () => {
  it('says what GitHub asks for, then quotes GitHub', () => {
    const error = refusal('forbidden', 403, 'Resource not accessible by personal access token')
    expect(describeWebhookRefusal(error, GITHUB, REPO)).toBe(
      'GitHub did not let this token manage webhooks on acme/app. A classic token needs the ' +
        'admin:repo_hook scope (or repo); a fine-grained token needs the “Webhooks: Read and ' +
        'write” repository permission; and you must be an admin of the repository. Enter a ' +
        'token with that access, then Re-provision. GitHub said: “Resource not accessible by ' +
        'personal access token”.',
    )
  })

  it('quotes GitHub’s own words, never the adapter’s explanation set beside them', () => {
    const hidden = refusal('forbidden', 404, 'Not Found', {
      reason: 'missing-scope',
      hint: 'GitHub hides webhooks from tokens that may not manage them (it answers 404): …',
    })
    const sentence = describeWebhookRefusal(hidden, GITHUB, REPO)
    expect(sentence).toMatch(/Re-provision\. GitHub said: “Not Found”\.$/)
    expect(sentence).not.toContain('GitHub hides webhooks')
    const explainedOnly = refusal('forbidden', 404, undefined, { hint: 'GitHub hides webhooks…' })
    expect(describeWebhookRefusal(explainedOnly, GITHUB, REPO)).toMatch(/Re-provision\.$/)
    expect(describeWebhookRefusal(refusal('not-found', 404, 'Not Found'), GHES, REPO)).toMatch(
      /^GitHub Enterprise Server did not let .* GitHub Enterprise Server said: “Not Found”\.$/,
    )
  })

  it('asks GitLab for the api scope and the Maintainer role, quoting only GitLab’s words', () => {
    const error = refusal(
      'forbidden',
      403,
      'The request requires higher privileges than provided by the access token.',
      {
        reason: 'missing-scope',
        hint: 'Managing webhooks on GitLab needs the Maintainer (or Owner) role on the project and a token with the api scope.',
      },
    )
    const sentence = describeWebhookRefusal(error, GITLAB, REPO)
    expect(sentence).toContain('needs the api scope (read_api only reads)')
    expect(sentence).toContain('Maintainer or Owner role on the project')
    expect(sentence).toMatch(
      /Re-provision\. GitLab said: “The request requires higher privileges than provided by the access token”\.$/,
    )
    const bare = refusal('forbidden', 403, undefined, {
      hint: 'Managing webhooks on GitLab needs…',
    })
    expect(describeWebhookRefusal(bare, GITLAB, REPO)).toMatch(/Re-provision\.$/)
    expect(
      describeWebhookRefusal(refusal('not-found', 404, '404 Project Not Found'), GITLAB, REPO),
    ).toMatch(/GitLab said: “404 Project Not Found”\.$/)
  })

  it('names Bitbucket’s webhook scopes for the kind of token in use', () => {
    const error = refusal(
      'forbidden',
      403,
      'Your credentials lack one or more required privilege scopes. Required: write:webhook:bitbucket.',
    )
    const byApiToken = describeWebhookRefusal(error, BITBUCKET_API_TOKEN, REPO)
    expect(byApiToken).toContain(
      'read:webhook:bitbucket, write:webhook:bitbucket and delete:webhook:bitbucket scopes',
    )
    expect(byApiToken).toContain('admin of the repository')
    expect(byApiToken).toMatch(/Required: write:webhook:bitbucket”\.$/)
    expect(describeWebhookRefusal(error, BITBUCKET_ACCESS_TOKEN, REPO)).toContain(
      '“Webhooks: Read and write” permission (the webhook scope)',
    )
  })

  it('asks Azure DevOps for the Service Hooks scope and the Edit subscriptions permission', () => {
    const sentence = describeWebhookRefusal(refusal('forbidden', 403), AZURE, REPO)
    expect(sentence).toBe(
      'Azure DevOps did not let this token manage webhooks on acme/app. Webhooks are service ' +
        'hooks there: the token needs the “Service Hooks (Read & write)” scope, and you need the ' +
        '“Edit subscriptions” permission for service hooks, which Project Administrators have. ' +
        'Enter a token with that access, then Re-provision.',
    )
  })

  it('has nothing to say for a type without webhooks', () => {
    const target: ProviderTarget = {
      type: 'custom-git',
      repositoryUrl: 'https://git.example.com/a.git',
      branch: 'main',
    }
    expect(describeWebhookRefusal(refusal(), target, REPO)).toBeNull()
  })
})

describe('isWebhookRefusal and providerWords', () => {
  it('treats forbidden and not-found as refusals, but not a hook the adapter knows is gone', () => {
    expect(isWebhookRefusal(refusal('forbidden'))).toBe(true)
    expect(isWebhookRefusal(refusal('not-found', 404))).toBe(true)
    expect(
      isWebhookRefusal(refusal('not-found', 404, 'Not Found', { reason: 'hook-not-found' })),
    ).toBe(false)
    expect(isWebhookRefusal(refusal('invalid-request', 422, 'Validation Failed'))).toBe(false)
    for (const kind of ['unauthorized', 'rate-limited', 'network', 'server'] as const) {
      expect(isWebhookRefusal(refusal(kind, 500))).toBe(false)
    }
  })

  it('drops empty words and the closing full stop, and never offers a hint as the words', () => {
    expect(providerWords(refusal('forbidden', 403, '  '))).toBeNull()
    expect(providerWords(refusal('forbidden', 403))).toBeNull()
    expect(providerWords(refusal('forbidden', 403, undefined, { hint: 'Ours.' }))).toBeNull()
    expect(providerWords(refusal('forbidden', 403, 'Access denied.'))).toBe('Access denied')
  })
})
