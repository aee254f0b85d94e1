import { describe, expect, it } from 'vitest'
import { ProviderError, type ProviderErrorKind } from '@/providers/errors.ts'
import type { ProviderTarget } from '@/providers/types.ts'
import { describeProviderError, explainProviderError } from './provider-error-message.ts'

const targets: ProviderTarget[] = [
  { type: 'github' },
  { type: 'github-enterprise', baseUrl: 'https://github.example.com' },
  { type: 'gitlab' },
  { type: 'gitlab-self-managed', baseUrl: 'https://gitlab.example.com' },
  { type: 'bitbucket', credentialKind: 'api-token', email: 'bea@example.com' },
  { type: 'bitbucket', credentialKind: 'access-token', workspace: 'acme' },
  { type: 'azure-devops', organization: 'contoso' },
  { type: 'azure-devops-server', collectionUrl: 'https://devops.example.com/tfs/Default' },
  { type: 'custom-git', repositoryUrl: 'https://git.example.com/a.git', branch: 'main' },
]
const kinds: ProviderErrorKind[] = [
  'unauthorized',
  'forbidden',
  'not-found',
  'invalid-request',
  'rate-limited',
  'network',
  'unsupported',
  'invalid-response',
  'server',
]

describe('describeProviderError', () => {
  it.each(targets.flatMap((target) => kinds.map((kind) => [target.type, kind, target] as const)))(
    '%s / %s gives a full sentence',
    (_type, kind, target) => {
      const sentence = describeProviderError(new ProviderError(kind, 'x', { status: 500 }), target)
      expect(sentence).toMatch(/^[A-Z“].{20,}[.”]$/)
    },
  )

  it('says when a rate limit lifts, or to wait a minute for a secondary limit', () => {
    const resetAt = new Date(2026, 10, 22, 14, 32).getTime()
    const quota = new ProviderError('rate-limited', 'x', { resetAt })
    const local = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
    expect(describeProviderError(quota, { type: 'github' })).toContain(
      `until ${local.format(resetAt)}`,
    )
    const secondary = new ProviderError('rate-limited', 'x', { secondary: true })
    expect(describeProviderError(secondary, { type: 'github' })).toMatch(/Wait a minute/)
  })

  it('tells offline, timeout and CORS apart for a self-hosted server', () => {
    const target: ProviderTarget = {
      type: 'gitlab-self-managed',
      baseUrl: 'https://gitlab.example.com',
    }
    const say = (networkCause: 'offline' | 'timeout' | 'unreachable') =>
      describeProviderError(new ProviderError('network', 'x', { networkCause }), target)
    expect(say('offline')).toMatch(/offline/)
    expect(say('timeout')).toMatch(/did not answer in time/)
    expect(say('unreachable')).toMatch(/certificate.*CORS.*save without verifying/)
  })

  it('points a 404 at the field it concerns', () => {
    const notFound = (subject: 'base-url' | 'organization') =>
      new ProviderError('not-found', 'x', { subject })
    expect(
      describeProviderError(notFound('base-url'), {
        type: 'github-enterprise',
        baseUrl: 'https://github.example.com',
      }),
    ).toMatch(/\/api\/v3/)
    expect(
      describeProviderError(notFound('organization'), { type: 'azure-devops', organization: 'x' }),
    ).toMatch(/no organization by this name/)
  })

  it('explains the Bitbucket email + API token pair, and that app passwords are gone', () => {
    const sentence = describeProviderError(new ProviderError('unauthorized', 'x'), targets[4]!)
    expect(sentence).toMatch(/Atlassian account email/)
    expect(sentence).toMatch(/app passwords stopped working/)
  })

  it('shows an adapter’s hint as our sentence and only the provider’s words as theirs', () => {
    const github: ProviderTarget = { type: 'github' }
    const error = new ProviderError('forbidden', 'x', {
      status: 404,
      reason: 'missing-scope',
      hint: 'GitHub hides webhooks from tokens that may not manage them.',
      providerMessage: 'Not Found',
    })
    expect(explainProviderError(error, github)).toEqual({
      sentence: 'GitHub hides webhooks from tokens that may not manage them.',
      providerWords: { by: 'GitHub', text: 'Not Found' },
    })
    expect(describeProviderError(error, github)).toBe(
      'GitHub hides webhooks from tokens that may not manage them. GitHub said: “Not Found”.',
    )
    const ours = new ProviderError('unsupported', 'x', { hint: 'Enter the email.' })
    expect(explainProviderError(ours, github).providerWords).toBeNull()
  })
})
