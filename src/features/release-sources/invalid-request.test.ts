/**
 * A request the provider refuses as invalid (400/409/422) is its own kind, `invalid-request`,
 * carrying the provider's own words, for each provider's published error shape:
 * - GitHub: `validation-error` (components/schemas in @octokit/openapi's api.github.com.json,
 *   the 422 of POST /repos/{owner}/{repo}/hooks): `message` plus `errors[]` of
 *   `{ resource, field, code, message? }`.
 * - GitLab: `{"error": "Invalid url given"}` (Grape's parameter errors; the 422 of POST
 *   /projects/:id/hooks, e.g. rancher/rancher#21901) and model validation errors as
 *   `{"message": {"url": ["is blocked: …"]}}` (docs.gitlab.com/api/rest/troubleshooting).
 * - Bitbucket: `{"type": "error", "error": {"message", "detail"?, "fields"?}}` (the `error` schema
 *   of api.bitbucket.org/swagger.json; jira.atlassian.com/browse/BCLOUD-22703).
 * - Azure DevOps: `{ $id, innerException, message, typeName, typeKey, errorCode, eventId }`
 *   (Azure DevOps REST error body, as in learn.microsoft.com's examples; schemas.apis.io ApiError).
 */
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { findDemoRepository } from '@mocks/data/catalog.ts'
import { BITBUCKET_API } from '@mocks/data/bitbucket'
import { azureRepositoryId } from '@mocks/data/azure-devops'
import { server } from '@mocks/node'
import { describeProviderError, explainProviderError } from '@/lib/provider-error-message.ts'
import { providerFor } from '@/lib/provider-for-connection.ts'
import { providerFailure } from '../../../tests/utils/provider-test-kit.ts'
import type { ProviderTarget, RepoRef } from '@/providers/types.ts'
import { provisionWebhook } from './webhook.ts'

const HOOK = { url: 'https://hooks.example.com/receive/a', secret: 'hook-secret-123' }

describe('GitHub 422 Validation Failed', () => {
  const target: ProviderTarget = { type: 'github' }
  const repo: RepoRef = { id: 'octo-demo/git-connector', fullName: 'octo-demo/git-connector' }
  const provider = () => providerFor(target, { token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' })

  it('is invalid-request with the message and each errors[].message', async () => {
    server.use(
      http.post('https://api.github.com/repos/:owner/:repo/hooks', () =>
        HttpResponse.json(
          {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'Hook',
                code: 'custom',
                message: 'Hook already exists on this repository',
              },
              { resource: 'Hook', field: 'config', code: 'missing_field' },
            ],
            documentation_url:
              'https://docs.github.com/rest/repos/webhooks#create-a-repository-webhook',
          },
          { status: 422 },
        ),
      ),
    )
    const error = await providerFailure((await provider()).createWebhook(repo, HOOK))
    expect(error).toMatchObject({
      kind: 'invalid-request',
      status: 422,
      providerMessage:
        'Validation Failed: Hook already exists on this repository; Hook config missing_field',
    })
    expect(explainProviderError(error, target)).toEqual({
      sentence:
        'GitHub refused the request as invalid (422). Its reason follows: correct what it names, then try again.',
      providerWords: {
        by: 'GitHub',
        text: 'Validation Failed: Hook already exists on this repository; Hook config missing_field',
      },
    })
  })

  it('reaches the release source as GitHub’s reason, not as “not the way the GitHub API does”', async () => {
    server.use(
      http.post('https://api.github.com/repos/:owner/:repo/hooks', () =>
        HttpResponse.json(
          {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'Hook',
                code: 'custom',
                message:
                  "Sorry, the URL host localhost is not supported because it isn't reachable over the public Internet",
              },
            ],
            documentation_url:
              'https://docs.github.com/rest/repos/webhooks#create-a-repository-webhook',
          },
          { status: 422 },
        ),
      ),
    )
    const { webhook } = await provisionWebhook({
      provider: await provider(),
      target,
      repo,
      sourceId: 'source-1',
      receiverUrl: 'https://hooks.example.com/receive',
    })
    expect(webhook.state).toBe('failed')
    expect(webhook.reason).not.toMatch(/not the way the GitHub API does/)
    expect(webhook.reason).toMatch(
      /^GitHub refused the request as invalid \(422\)\. .* GitHub said: “Validation Failed: Sorry, the URL host localhost is not supported because it isn't reachable over the public Internet”\.$/,
    )
  })
})

describe('GitLab 400/422', () => {
  const target: ProviderTarget = { type: 'gitlab' }
  const featured = findDemoRepository('gitlab', 'platform', 'deploy-pipeline')
  const repo: RepoRef = { id: String(featured?.id), fullName: 'platform/deploy-pipeline' }
  const provider = () => providerFor(target, { token: 'glpat-R4nd0mTokenForTests01' })
  const hooks = `https://gitlab.com/api/v4/projects/${repo.id}/hooks`

  it('reads {"error": "Invalid url given"}', async () => {
    server.use(
      http.post(hooks, () => HttpResponse.json({ error: 'Invalid url given' }, { status: 422 })),
    )
    const error = await providerFailure((await provider()).createWebhook(repo, HOOK))
    expect(error).toMatchObject({ kind: 'invalid-request', providerMessage: 'Invalid url given' })
    expect(describeProviderError(error, target)).toBe(
      'GitLab refused the request as invalid (422). Its reason follows: correct what it names, then try again. GitLab said: “Invalid url given”.',
    )
  })

  it('reads {"message": {field: [messages]}} as the field and its messages, not as JSON', async () => {
    server.use(
      http.post(hooks, () =>
        HttpResponse.json(
          { message: { url: ['is blocked: Requests to the local network are not allowed'] } },
          { status: 400 },
        ),
      ),
    )
    const error = await providerFailure((await provider()).createWebhook(repo, HOOK))
    expect(error).toMatchObject({
      kind: 'invalid-request',
      status: 400,
      providerMessage: 'url is blocked: Requests to the local network are not allowed',
    })
  })
})

describe('Bitbucket 400', () => {
  const target: ProviderTarget = {
    type: 'bitbucket',
    credentialKind: 'api-token',
    email: 'bea.demo@example.com',
  }
  const repo: RepoRef = { id: 'tidewater-labs/tide-api', fullName: 'tidewater-labs/tide-api' }

  it('reads {"type":"error","error":{message, fields}}', async () => {
    server.use(
      http.post(`${BITBUCKET_API}/repositories/tidewater-labs/tide-api/hooks`, () =>
        HttpResponse.json(
          {
            type: 'error',
            error: { message: 'Bad request', fields: { url: ['Enter a valid URL.'] } },
          },
          { status: 400 },
        ),
      ),
    )
    const provider = providerFor(target, { token: 'ATATT3xFfGF0-demo-secret-value' })
    const error = await providerFailure((await provider).createWebhook(repo, HOOK))
    expect(error).toMatchObject({
      kind: 'invalid-request',
      status: 400,
      providerMessage: 'Bad request url: Enter a valid URL.',
    })
    expect(explainProviderError(error, target).providerWords?.by).toBe('Bitbucket')
  })
})

describe('Azure DevOps 400', () => {
  const target: ProviderTarget = { type: 'azure-devops', organization: 'fabrikam' }
  const fiber = findDemoRepository('azure-devops', 'Fabrikam', 'Fabrikam-Fiber')
  const repo: RepoRef = {
    id: fiber ? azureRepositoryId(fiber) : 'missing',
    fullName: 'Fabrikam/Fabrikam-Fiber',
  }

  it('reads { message, typeKey, … } as Azure’s message', async () => {
    const message =
      "TF400898: An Internal Error Occurred. Activity Id: 1b3f. The consumer input 'url' is not a valid absolute URL."
    server.use(
      http.post('https://dev.azure.com/fabrikam/_apis/hooks/subscriptions', () =>
        HttpResponse.json(
          {
            $id: '1',
            innerException: null,
            message,
            typeName:
              'Microsoft.VisualStudio.Services.ServiceHooks.WebApi.SubscriptionInputException, Microsoft.VisualStudio.Services.ServiceHooks.WebApi',
            typeKey: 'SubscriptionInputException',
            errorCode: 0,
            eventId: 3000,
          },
          { status: 400 },
        ),
      ),
    )
    const provider = providerFor(target, { token: 'x'.repeat(84) })
    const error = await providerFailure((await provider).createWebhook(repo, HOOK))
    expect(error).toMatchObject({ kind: 'invalid-request', status: 400, providerMessage: message })
  })
})
